"use client";
import Link from "next/link";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";
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
  const problem = fieldErrorFrom(accept.error);
  const invitePath = `/invite/${token}`;

  async function finish(result: { interviewId: string | null }) {
    router.replace(result.interviewId ? `/interviews/${result.interviewId}` : "/my-interviews");
    router.refresh();
  }

  async function onCreateAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    try {
      const result = await accept.mutateAsync({ token, name: String(form.get("name") ?? ""), password });
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
      <p role="alert" className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-3">
        Your account is ready, but signing in did not work. <Link href="/signin" className="font-semibold underline">Sign in</Link> with
        your new password.
      </p>
    );
  }

  const errorBox = problem && !problem.field && (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {problem.message}
    </p>
  );

  if (signedInEmail && signedInEmail !== email) {
    return (
      <div className="mt-6 space-y-3">
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3">
          You are signed in as {signedInEmail}, but this invitation is for {email}. Sign out, then open the link again.
        </p>
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
      <form onSubmit={onCreateAccount} className="space-y-4" noValidate aria-labelledby="invite-create-heading">
        <h2 id="invite-create-heading" className="text-lg font-semibold">New to Panelkit? Create your account</h2>
        <div>
          <label htmlFor="invite-email-shown" className="field-label">Email</label>
          <input id="invite-email-shown" value={email} readOnly autoComplete="username" className="field-input bg-slate-100" />
        </div>
        <div>
          <label htmlFor="invite-name" className="field-label">Your name</label>
          <input id="invite-name" name="name" required autoComplete="name" className="field-input" aria-describedby="invite-name-error" />
          <FieldError id="invite-name-error" problem={problem} field="name" />
        </div>
        <div>
          <label htmlFor="invite-password" className="field-label">Choose a password</label>
          <input
            id="invite-password"
            name="password"
            type="password"
            required
            minLength={10}
            maxLength={128}
            autoComplete="new-password"
            className="field-input"
            aria-describedby="invite-password-hint invite-password-error"
          />
          <p id="invite-password-hint" className="mt-1 text-sm text-slate-700">
            At least 10 characters and hard to guess: a few unrelated words work well. No name, email or common password.
          </p>
          <FieldError id="invite-password-error" problem={problem} field="password" />
        </div>
        {errorBox}
        <button type="submit" className="btn-primary w-full" disabled={accept.isPending}>
          {accept.isPending ? "Accepting…" : "Accept and create account"}
        </button>
      </form>
    </div>
  );
}
