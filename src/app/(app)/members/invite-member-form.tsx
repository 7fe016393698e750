"use client";
// Adding a member sends an invitation with the chosen role. The answer is the same whether or not the email
// already has a Panelkit account: the person signs in or creates an account when they accept.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { inviteMemberInputSchema } from "@/lib/schemas/orgs";
import { useTRPC } from "@/trpc/react";
import { InvitationLinkBox } from "./invitation-link-box";
import { ROLES } from "./roles";
import { useSubmissionKey } from "@/components/use-submission-key";

export function InviteMemberForm() {
  const validateForm = useValidateForm();
  const t = useTranslations("members.add");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(
    trpc.org.inviteMember.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.invitations.pending.queryKey() }),
    }),
  );
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(invite.error);
  const submission = useSubmissionKey();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSentTo(null);
    const valid = validateForm(inviteMemberInputSchema, { email: String(form.get("email") ?? ""), role: String(form.get("role")) });
    setChecked(valid.ok ? null : valid.problem);
    if (!valid.ok) return;
    const { email } = valid.data;
    try {
      await invite.mutateAsync({ ...valid.data, idempotencyKey: submission.current() });
      submission.renew();
      setSentTo(email);
      formElement.reset();
    } catch {
      // shown from invite.error
    }
  }

  return (
    <section aria-labelledby="add-member-heading" className="card">
      <h2 id="add-member-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      <form onSubmit={(event) => void onSubmit(event)} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
        <TextField id="member-email" name="email" label={t("email")} problem={problem} type="email" required autoComplete="off" />
        <SelectField id="member-role" name="role" label={t("role")} problem={problem} options={ROLES.map((r) => ({ value: r.value, label: common(`roles.${r.value}`) }))} defaultValue="INTERVIEWER" />
        {problem && problem.field !== "email" && problem.field !== "role" && (
          <Alert variant="plain" className="text-sm">{problem.message}</Alert>
        )}
        <button type="submit" className="btn-primary w-full" disabled={invite.isPending}>
          {invite.isPending ? t("submitting") : t("submit")}
        </button>
      </form>
      {invite.data && sentTo && (
        <div className="mt-3">
          <InvitationLinkBox id="new-invitation-link" email={sentTo} link={invite.data.link} emailed={invite.data.emailed} />
        </div>
      )}
    </section>
  );
}
