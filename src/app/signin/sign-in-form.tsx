"use client";
import Link from "next/link";
import { signInWithPassword, signInWithProvider } from "@/components/next-auth-client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";

type Props = { callbackUrl: string; oidc: { name: string } | null; publicSignUp: boolean; initialError: string | null };

export function SignInForm({ callbackUrl, oidc, publicSignUp, initialError }: Props) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""), callbackUrl).catch(
      () => ({ ok: false, error: t("unreachable") }),
    );
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : t("wrongCredentials"));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="mt-6">
      <form onSubmit={(event) => void onSubmit(event)} className="space-y-4" noValidate>
        <TextField id="email" name="email" label={t("email")} type="email" autoComplete="username" required />
        <TextField id="password" name="password" label={t("password")} type="password" autoComplete="current-password" required />
        {error && <Alert>{error}</Alert>}
        <button type="submit" className="btn-primary w-full" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      {oidc && (
        <button type="button" className="btn-secondary mt-3 w-full" onClick={() => void signInWithProvider("oidc", callbackUrl)}>
          {t("withProvider", { provider: oidc.name })}
        </button>
      )}
      {publicSignUp && (
        <p className="mt-6 text-sm text-slate-700">
          {t("newHere")}{" "}
          <Link href="/signup" prefetch={false} className="font-semibold text-brand-700 underline">
            {t("createOrganisation")}
          </Link>
        </p>
      )}
    </div>
  );
}
