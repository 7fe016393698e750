"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { ContactDetails } from "@/components/ui/contact-details";
import { SelectField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import type { CandidateStatus } from "@/lib/schemas/common";
import { updateCandidateInput, type CandidateDetails } from "@/lib/schemas/candidates";
import { useShownVersion } from "@/components/use-shown-version";
import { useTRPC } from "@/trpc/react";
import { CANDIDATE_STATUS_LABELS } from "../../interviews/_components/status-labels";
import { CandidateFields, candidateFormValues } from "../candidate-fields";

const STATUSES = Object.keys(CANDIDATE_STATUS_LABELS) as CandidateStatus[];

/** Details and, for roles that may change them, the edit form. Contact fields are null for roles without access. */
export function CandidateEditor({
  candidate,
  canEdit,
  otherCandidacyCount = 0,
}: {
  candidate: CandidateDetails;
  canEdit: boolean;
  /** The person's other applications, which take the same name, email and phone. */
  otherCandidacyCount?: number;
}) {
  const validateForm = useValidateForm();
  const t = useTranslations("candidates");
  const trpc = useTRPC();
  // The state the form shows; a save here keeps "Saved." and what is typed after it (use-shown-version.ts).
  const version = useShownVersion(candidate);
  const update = useMutation(trpc.candidates.update.mutationOptions({ onSuccess: version.saved }));
  // The form's own check (the procedure's schema) first, then what the server said.
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const problem = checkProblem ?? fieldErrorFrom(update.error);
  const hasContact = candidate.notes !== null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      id: candidate.id,
      // A change made elsewhere since the state this form shows is not overwritten: the server refuses and the
      // form keeps what was typed.
      baseUpdatedAt: version.shown.updatedAt,
      status: String(form.get("status")) as CandidateStatus,
      // Never send fields the form didn't show: that would erase them.
      ...(hasContact ? candidateFormValues(form) : {}),
    };
    const checked = validateForm(updateCandidateInput, input);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      update.reset();
      return;
    }
    try {
      await update.mutateAsync(input);
    } catch {
      // shown from update.error
    }
  }

  if (!canEdit) {
    return (
      <section aria-labelledby="candidate-details-heading" className="card h-fit">
        <h2 id="candidate-details-heading" className="text-lg font-semibold">{t("editor.details")}</h2>
        <ContactDetails email={candidate.email} phone={candidate.phone} className="mt-2" />
      </section>
    );
  }

  return (
    <section aria-labelledby="candidate-edit-heading" className="card h-fit">
      <h2 id="candidate-edit-heading" className="text-lg font-semibold">{t("editor.details")}</h2>
      <form key={version.formKey} onSubmit={(event) => void onSubmit(event)} className="mt-3 space-y-3" noValidate>
        {hasContact ? (
          <>
            <CandidateFields idPrefix="edit-candidate" problem={problem} values={candidate} />
            {otherCandidacyCount > 0 && (
              <p className="text-sm text-slate-700">
                {t("editor.otherApplications", { count: otherCandidacyCount })}
              </p>
            )}
          </>
        ) : (
          <p className="text-sm text-slate-700">{t("editor.noContact")}</p>
        )}
        <SelectField id="edit-candidate-status" name="status" label={t("editor.status")} problem={problem} defaultValue={candidate.status} options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))} />
        {problem && !problem.field && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={update.isPending}>
            {update.isPending ? t("editor.saving") : t("editor.save")}
          </button>
          {update.isSuccess && <p role="status" className="text-sm">{t("editor.saved")}</p>}
        </div>
      </form>
    </section>
  );
}
