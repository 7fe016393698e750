"use client";
import Link from "next/link";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { invitationAccountSchema } from "@/lib/schemas/invitations";
import { NewPasswordField } from "@/app/signup/new-password-field";
import { useTRPC } from "@/trpc/react";

type Props = { token: string; email: string; signedInEmail: string | null };

/**
 * Accepting: with the signed-in account, or signed out by signing in or creating an account. Signed out, both
 * ways are offered because the page is not told whether the email has an account (the server checks).
 */
export function AcceptInvitation({ token, email, signedInEmail }: Props) {
  const validateForm = useValidateForm();
  const t = useTranslations("auth.invite");
  const hint = useTranslations("auth.signUp")("passwordHint");
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
        {t.rich("accountReady", {
          link: (chunks) => (
            <Link href="/signin" className="font-semibold underline">
              {chunks}
            </Link>
          ),
        })}
      </Alert>
    );
  }

  const errorBox = problem && !problem.field && <Alert>{problem.message}</Alert>;

  if (signedInEmail && signedInEmail !== email) {
    return (
      <div className="mt-6 space-y-3">
        <Alert tone="warning" role="alert">
          {t("wrongAccount", { signedIn: signedInEmail, email })}
        </Alert>
        <button type="button" className="btn-secondary" onClick={() => void signOut({ callbackUrl: invitePath })}>
          {t("signOut")}
        </button>
      </div>
    );
  }

  if (signedInEmail) {
    return (
      <div className="mt-6 space-y-3">
        {errorBox}
        <button type="button" className="btn-primary" disabled={accept.isPending} onClick={() => void onAccept()}>
          {accept.isPending ? t("accepting") : t("accept")}
        </button>
      </div>
    );
  }

  return (
    <div className="mt-6 space-y-6">
      <section aria-labelledby="invite-sign-in-heading" className="card space-y-2">
        <h2 id="invite-sign-in-heading" className="text-lg font-semibold">{t("alreadyOn")}</h2>
        <p>{t("signInAs", { email })}</p>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(invitePath)}`} className="btn-primary">
          {t("signInToAccept")}
        </Link>
      </section>
      <form onSubmit={(event) => void onCreateAccount(event)} className="space-y-4" noValidate aria-labelledby="invite-create-heading">
        <h2 id="invite-create-heading" className="text-lg font-semibold">{t("createHeading")}</h2>
        <TextField id="invite-email-shown" name="email" label={t("email")} value={email} readOnly autoComplete="username" className="[&_input]:bg-slate-100" />
        <TextField id="invite-name" name="name" label={t("name")} problem={problem} required autoComplete="name" />
        <NewPasswordField id="invite-password" label={t("choosePassword")} hint={hint} problem={problem} />
        {errorBox}
        <button type="submit" className="btn-primary w-full" disabled={accept.isPending}>
          {accept.isPending ? t("accepting") : t("acceptAndCreate")}
        </button>
      </form>
    </div>
  );
}
