"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [signInFailed, setSignInFailed] = useState(false);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const problem = fieldErrorFrom(signUp.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      organizationName: String(form.get("organizationName") ?? ""),
    };
    try {
      await signUp.mutateAsync(input);
    } catch {
      return; // shown from signUp.error
    }
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!result || result.error) {
      setSignInFailed(true);
      return;
    }
    router.replace("/banks");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="name" className="field-label">Your name</label>
        <input id="name" name="name" autoComplete="name" required className="field-input" aria-describedby="name-error" />
        <FieldError id="name-error" problem={problem} field="name" />
      </div>
      <div>
        <label htmlFor="email" className="field-label">Work email</label>
        <input id="email" name="email" type="email" autoComplete="email" required className="field-input" aria-describedby="email-error" />
        <FieldError id="email-error" problem={problem} field="email" />
      </div>
      <div>
        <label htmlFor="password" className="field-label">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={128}
          className="field-input"
          aria-describedby="password-hint password-error"
        />
        <p id="password-hint" className="mt-1 text-sm text-slate-600">
          At least 10 characters and hard to guess: a few unrelated words work well. No name, email or common password.
        </p>
        <FieldError id="password-error" problem={problem} field="password" />
      </div>
      <div>
        <label htmlFor="organizationName" className="field-label">Organisation name</label>
        <input id="organizationName" name="organizationName" required className="field-input" aria-describedby="organizationName-error" />
        <FieldError id="organizationName-error" problem={problem} field="organizationName" />
      </div>
      {problem && !problem.field && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{problem.message}</p>
      )}
      {signInFailed && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          We could not sign you in with that password. If this email already had a Panelkit account, no new one was
          made: <Link href="/signin" className="underline">sign in</Link> with that account&apos;s password.
        </p>
      )}
      <button type="submit" className="btn-primary w-full" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating…" : "Create organisation"}
      </button>
      <p className="text-sm text-slate-700">
        Already have an account? <Link href="/signin" className="font-semibold text-brand-700 underline">Sign in</Link>
      </p>
    </form>
  );
}
