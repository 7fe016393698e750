"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { signUpInputSchema } from "@/lib/schemas/auth";
import { NewPasswordField } from "./new-password-field";

export function SignUpForm() {
  const validateForm = useValidateForm();
  const t = useTranslations("auth.signUp");
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
      <TextField id="name" name="name" label={t("name")} problem={problem} autoComplete="name" required />
      <TextField id="email" name="email" label={t("workEmail")} problem={problem} type="email" autoComplete="email" required />
      <NewPasswordField id="password" label={t("password")} hint={t("passwordHint")} problem={problem} />
      <TextField id="organizationName" name="organizationName" label={t("organisationName")} problem={problem} required />
      {problem && !problem.field && <Alert>{problem.message}</Alert>}
      {signInFailed && (
        <Alert tone="warning" role="alert">
          {t.rich("signInFailed", {
            link: (chunks) => (
              <Link href="/signin" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      )}
      <button type="submit" className="btn-primary w-full" disabled={signUp.isPending}>
        {signUp.isPending ? t("submitting") : t("submit")}
      </button>
      <p className="text-sm text-slate-700">
        {t("haveAccount")} <Link href="/signin" className="font-semibold text-brand-700 underline">{t("signIn")}</Link>
      </p>
    </form>
  );
}
