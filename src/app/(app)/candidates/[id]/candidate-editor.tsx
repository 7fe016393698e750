"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { fieldErrorFrom } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";
import { CANDIDATE_STATUS_LABELS, type CandidateStatusValue } from "../../interviews/_components/status-labels";
import { CandidateFields, candidateFormValues } from "../candidate-fields";

type Candidate = {
  id: string;
  name: string;
  position: string;
  status: CandidateStatusValue;
  email: string | null;
  phone: string | null;
  notes: string | null;
};

/** Details and, for roles that may change them, the edit form. Contact fields are null for roles without access. */
export function CandidateEditor({ candidate, canEdit }: { candidate: Candidate; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.candidates.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const problem = fieldErrorFrom(update.error);
  const hasContact = candidate.notes !== null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = candidateFormValues(form);
    try {
      await update.mutateAsync({
        id: candidate.id,
        status: String(form.get("status")) as CandidateStatusValue,
        // Never send fields the form didn't show: that would erase them.
        ...(hasContact ? values : {}),
      });
    } catch {
      // shown from update.error
    }
  }

  if (!canEdit) {
    return (
      <section aria-labelledby="candidate-details-heading" className="card h-fit">
        <h2 id="candidate-details-heading" className="text-lg font-semibold">Details</h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-medium">Email</dt>
          <dd>{candidate.email ?? "—"}</dd>
          <dt className="font-medium">Phone</dt>
          <dd>{candidate.phone ?? "—"}</dd>
        </dl>
      </section>
    );
  }

  return (
    <section aria-labelledby="candidate-edit-heading" className="card h-fit">
      <h2 id="candidate-edit-heading" className="text-lg font-semibold">Details</h2>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate>
        {hasContact ? (
          <CandidateFields idPrefix="edit-candidate" problem={problem} values={candidate} />
        ) : (
          <p className="text-sm text-slate-700">Contact details are not shown to your role.</p>
        )}
        <div>
          <label htmlFor="edit-candidate-status" className="field-label">Status</label>
          <select id="edit-candidate-status" name="status" defaultValue={candidate.status} className="field-input">
            {(Object.keys(CANDIDATE_STATUS_LABELS) as CandidateStatusValue[]).map((s) => (
              <option key={s} value={s}>
                {CANDIDATE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {problem && !problem.field && <p role="alert" className="text-sm text-red-800">{problem.message}</p>}
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
          {update.isSuccess && <p role="status" className="text-sm">Saved.</p>}
        </div>
      </form>
    </section>
  );
}
