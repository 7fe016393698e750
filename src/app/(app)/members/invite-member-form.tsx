"use client";
// Adding a member sends an invitation with the chosen role. The answer is the same whether or not the email
// already has a Panelkit account: the person signs in or creates an account when they accept.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";
import { InvitationLinkBox } from "./invitation-link-box";
import { ROLES, type RoleValue } from "./roles";
import { useSubmissionKey } from "@/components/use-submission-key";

export function InviteMemberForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(
    trpc.org.inviteMember.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.invitations.pending.queryKey() }),
    }),
  );
  const [sentTo, setSentTo] = useState<string | null>(null);
  const problem = fieldErrorFrom(invite.error);
  const submission = useSubmissionKey();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email") ?? "").trim();
    setSentTo(null);
    try {
      await invite.mutateAsync({ email, role: String(form.get("role")) as RoleValue, idempotencyKey: submission.current() });
      submission.renew();
      setSentTo(email);
      formElement.reset();
    } catch {
      // shown from invite.error
    }
  }

  return (
    <section aria-labelledby="add-member-heading" className="card">
      <h2 id="add-member-heading" className="text-lg font-semibold">Add a member</h2>
      <p className="mt-1 text-sm text-slate-700">
        They get an invitation to accept: new people choose their own password, people with a Panelkit account sign in.
      </p>
      <form onSubmit={onSubmit} onChange={submission.renew} className="mt-3 space-y-3" noValidate>
        <div>
          <label htmlFor="member-email" className="field-label">Email</label>
          <input id="member-email" name="email" type="email" required autoComplete="off" className="field-input" aria-describedby="member-email-error" />
          <FieldError id="member-email-error" problem={problem} field="email" />
        </div>
        <div>
          <label htmlFor="member-role" className="field-label">Role</label>
          <select id="member-role" name="role" className="field-input" defaultValue="INTERVIEWER" aria-describedby="member-role-error">
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <FieldError id="member-role-error" problem={problem} field="role" />
        </div>
        {problem && problem.field !== "email" && problem.field !== "role" && (
          <p role="alert" className="text-sm text-red-800">{problem.message}</p>
        )}
        <button type="submit" className="btn-primary w-full" disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invitation"}
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
