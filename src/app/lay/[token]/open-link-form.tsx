"use client";
// Opening the link on this device (POST /api/lay-link/open binds it, or moves it here with the code), then
// signing in with it through next-auth's "lay-link" provider, then the scoring screen.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { signInWithLayLink } from "@/components/next-auth-client";

type Refusal = "UNKNOWN" | "REVOKED" | "EXPIRED" | "LOCKED" | "OTHER_DEVICE" | "WRONG_CODE" | "WAIT" | "BAD_REQUEST" | "SIGN_IN";
type Answer = { ok: true; interviewId: string } | { ok: false; reason: Refusal; attemptsLeft?: number };

async function openHere(token: string, code?: string): Promise<Answer> {
  const response = await fetch("/api/lay-link/open", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(code ? { token, code } : { token }),
  });
  return ((await response.json().catch(() => null)) as Answer | null) ?? { ok: false, reason: "BAD_REQUEST" };
}

export function OpenLinkForm({ token }: { token: string }) {
  const t = useTranslations("layPanelist.open");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<{ reason: Refusal; attemptsLeft?: number } | null>(null);
  const [askCode, setAskCode] = useState(false);

  async function proceed(code?: string) {
    setPending(true);
    try {
      const answer = await openHere(token, code);
      if (!answer.ok) {
        setRefusal({ reason: answer.reason, attemptsLeft: answer.attemptsLeft });
        if (answer.reason === "OTHER_DEVICE" || answer.reason === "WRONG_CODE" || answer.reason === "WAIT") setAskCode(true);
        if (answer.reason === "LOCKED" || answer.reason === "REVOKED" || answer.reason === "EXPIRED") setAskCode(false);
        return;
      }
      const target = `/interviews/${answer.interviewId}/score`;
      if (await signInWithLayLink(token, target)) {
        router.replace(target);
        return;
      }
      setRefusal({ reason: "SIGN_IN" });
    } catch {
      setRefusal({ reason: "SIGN_IN" });
    } finally {
      setPending(false);
    }
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void proceed(String(new FormData(event.currentTarget).get("code") ?? ""));
  }

  return (
    <div className="space-y-3">
      {refusal && (
        <Alert tone="error" variant="boxed">
          {t(`refused.${refusal.reason}`, { attemptsLeft: refusal.attemptsLeft ?? 0 })}
        </Alert>
      )}
      {askCode ? (
        <form onSubmit={onCode} className="space-y-3" noValidate>
          <Field name="code" id="lay-code" label={t("codeLabel")} hint={t("codeHint")}>
            {(control) => (
              <input {...control} className="field-input min-h-12 font-mono text-2xl tracking-widest uppercase" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={12} required />
            )}
          </Field>
          <p className="text-base text-slate-700">{t("movesNote")}</p>
          <button type="submit" className="btn-primary min-h-12 px-6" disabled={pending}>
            {pending ? t("starting") : t("useCode")}
          </button>
        </form>
      ) : (
        <>
          <p className="text-base text-slate-700">{t("firstDevice")}</p>
          <button type="button" className="btn-primary min-h-12 px-6" disabled={pending} onClick={() => void proceed()}>
            {pending ? t("starting") : t("start")}
          </button>
        </>
      )}
    </div>
  );
}
