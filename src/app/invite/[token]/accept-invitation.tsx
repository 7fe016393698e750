"use client";
import Link from "next/link";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { validateForm } from "@/components/ui/validate-form";
import { invitationAccountSchema } from "@/lib/schemas/invitations";
import { NewPasswordField } from "@/app/signup/new-password-field";
import { useTRPC } from "@/trpc/react";

type Props = { token: string; email: string; signedInEmail: string | null };

/**
 * Accepting: with the signed-in account, or signed out by signing in or creating an account. Signed out, both
 * ways are offered because the page is not told whether the email has an account (the server checks).
 */
export function AcceptInvitation({ token, email, signedInEmail }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const [signInFailed, setSignInFailed] = useState(false);
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const problem = checked ?? fieldErrorFrom(accept.error);
  const invitePath = `/invite/${token}`;

  async function finish(result: { interviewId: string | null }) {
    router.replace(result.interviewId ? `/interviews/${result.interviewId}` : "/my-interviews");
    router.refresh();
  }

  async function onCreateAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const valid = validateForm(invitationAccountSchema, { name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") });
    setChecked(valid.ok ? null : valid.problem);
    if (!valid.ok) return;
    const { password } = valid.data;
    try {
      const result = await accept.mutateAsync({ token, ...valid.data });
      const signedIn = await signIn("credentials", { email, password, redirect: false });
      if (!signedIn || signedIn.error) {
        setSignInFailed(true);
        return;
      }
      await finish(result);
    } catch {
      // shown from accept.error
    }
  }

  async function onAccept() {
    try {
      await finish(await accept.mutateAsync({ token }));
    } catch {
      // shown from accept.error
    }
  }

  if (signInFailed) {
    return (
      <Alert tone="warning" role="alert" className="mt-6">
        Your account is ready, but signing in did not work. <Link href="/signin" className="font-semibold underline">Sign in</Link> with
        your new password.
      </Alert>
    );
  }

  const errorBox = problem && !problem.field && <Alert>{problem.message}</Alert>;

  if (signedInEmail && signedInEmail !== email) {
    return (
      <div className="mt-6 space-y-3">
        <Alert tone="warning" role="alert">
          You are signed in as {signedInEmail}, but this invitation is for {email}. Sign out, then open the link again.
        </Alert>
        <button type="button" className="btn-secondary" onClick={() => void signOut({ callbackUrl: invitePath })}>
          Sign out
        </button>
      </div>
    );
  }

  if (signedInEmail) {
    return (
      <div className="mt-6 space-y-3">
        {errorBox}
        <button type="button" className="btn-primary" disabled={accept.isPending} onClick={() => void onAccept()}>
          {accept.isPending ? "Accepting…" : "Accept invitation"}
        </button>
      </div>
    );
  }

  return (
    <div className="mt-6 space-y-6">
      <section aria-labelledby="invite-sign-in-heading" className="card space-y-2">
        <h2 id="invite-sign-in-heading" className="text-lg font-semibold">Already on Panelkit?</h2>
        <p>Sign in as {email}, and you’ll come back here to accept.</p>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(invitePath)}`} className="btn-primary">
          Sign in to accept
        </Link>
      </section>
      <form onSubmit={(event) => void onCreateAccount(event)} className="space-y-4" noValidate aria-labelledby="invite-create-heading">
        <h2 id="invite-create-heading" className="text-lg font-semibold">New to Panelkit? Create your account</h2>
        <TextField id="invite-email-shown" name="email" label="Email" value={email} readOnly autoComplete="username" className="[&_input]:bg-slate-100" />
        <TextField id="invite-name" name="name" label="Your name" problem={problem} required autoComplete="name" />
        <NewPasswordField id="invite-password" label="Choose a password" problem={problem} />
        {errorBox}
        <button type="submit" className="btn-primary w-full" disabled={accept.isPending}>
          {accept.isPending ? "Accepting…" : "Accept and create account"}
        </button>
      </form>
    </div>
  );
}
