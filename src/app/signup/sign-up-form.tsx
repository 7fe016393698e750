"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { validateForm } from "@/components/ui/validate-form";
import { signUpInputSchema } from "@/lib/schemas/auth";
import { NewPasswordField } from "./new-password-field";

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [signInFailed, setSignInFailed] = useState(false);
  const [checked, setChecked] = useState<FieldProblem | null>(null);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const problem = checked ?? fieldErrorFrom(signUp.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      organizationName: String(form.get("organizationName") ?? ""),
    };
    const valid = validateForm(signUpInputSchema, input);
    setChecked(valid.ok ? null : valid.problem);
    if (!valid.ok) return;
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
    <form onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate>
      <TextField id="name" name="name" label="Your name" problem={problem} autoComplete="name" required />
      <TextField id="email" name="email" label="Work email" problem={problem} type="email" autoComplete="email" required />
      <NewPasswordField id="password" label="Password" problem={problem} />
      <TextField id="organizationName" name="organizationName" label="Organisation name" problem={problem} required />
      {problem && !problem.field && <Alert>{problem.message}</Alert>}
      {signInFailed && (
        <Alert tone="warning" role="alert">
          We could not sign you in with that password. If this email already had a Panelkit account, no new one was
          made: <Link href="/signin" className="underline">sign in</Link> with that account&apos;s password.
        </Alert>
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
