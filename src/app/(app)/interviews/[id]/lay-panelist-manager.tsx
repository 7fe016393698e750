"use client";
// Panelists without accounts on the interview's panel, for those who change the panel: add one by name with a
// strand (service user or external assessor) and get their scoring link and code, shown once; re-issue or
// withdraw a link. The rules (binding, codes, expiry) live in src/server/services/lay-panelists. Adding sends a
// submission key: sent again after its answer was lost, the same form seats nobody twice.
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom } from "@/components/field-error";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type Issued = RouterOutputs["layPanelists"]["add"];

export function LayPanelistManager({ interviewId }: { interviewId: string }) {
  const t = useTranslations("layPanelist.manager");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.layPanelists.list.queryOptions({ interviewId }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.layPanelists.list.queryKey({ interviewId }) });
    router.refresh();
  };
  const [issued, setIssued] = useState<Issued | null>(null);
  // A refused add may have been made by an earlier send whose answer was lost: the list shows who is seated.
  const add = useMutation(trpc.layPanelists.add.mutationOptions({ onSuccess: (data) => (setIssued(data), refresh()), onError: refresh }));
  const submission = useSubmissionKey();
  const reissue = useMutation(trpc.layPanelists.reissue.mutationOptions({ onSuccess: (data) => (setIssued(data), refresh()) }));
  const revoke = useMutation(trpc.layPanelists.revoke.mutationOptions({ onSuccess: refresh }));
  const [email, setEmail] = useState("");
  const problem = fieldErrorFrom(add.error);
  const busy = add.isPending || reissue.isPending || revoke.isPending;

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      await add.mutateAsync({
        interviewId,
        name: String(data.get("name") ?? ""),
        email: email.trim(),
        strand: data.get("strand") === "EXTERNAL" ? "EXTERNAL" : "SERVICE_USER",
        sendEmail: data.get("sendEmail") === "on",
        idempotencyKey: submission.current(),
      });
      submission.renew();
      form.reset();
      setEmail("");
    } catch {
      // shown from add.error
    }
  }

  return (
    <section aria-labelledby="lay-panelists-heading" className="mt-6 border-t border-slate-200 pt-4">
      <h3 id="lay-panelists-heading" className="text-base font-semibold">{t("heading")}</h3>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      {issued && <IssuedLink issued={issued} />}
      <ErrorAlert error={reissue.error ?? revoke.error} className="text-sm" />
      {list.data && list.data.length > 0 ? (
        <ul className="mt-3 space-y-2" aria-label={t("listLabel")}>
          {list.data.map((p) => (
            <li key={p.userId} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                <span className="font-medium">{p.name}</span> · {t(`strands.${p.strand as "SERVICE_USER" | "EXTERNAL" | "STAFF"}`)}
                <span className="block text-slate-700">
                  {t(`status.${p.status}`)} · {p.deviceBound ? t("deviceBound") : t("notOpened")}
                  {p.lastUsedAt ? ` · ${t("lastUsed", { when: format.dateTime(p.lastUsedAt, "dateTime") })}` : ""}
                </span>
              </span>
              <span className="flex flex-wrap gap-2">
                <button type="button" className="btn-secondary" disabled={busy} onClick={() => reissue.mutate({ interviewId, userId: p.userId, sendEmail: false })}>
                  {t("reissue")}<span className="sr-only"> {t("reissueFor", { name: p.name })}</span>
                </button>
                {(p.status === "ACTIVE" || p.status === "LOCKED") && (
                  <button type="button" className="btn-secondary" disabled={busy} onClick={() => revoke.mutate({ interviewId, userId: p.userId })}>
                    {t("revoke")}<span className="sr-only"> {t("revokeFor", { name: p.name })}</span>
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        list.data && <p className="mt-2 text-sm text-slate-700">{t("none")}</p>
      )}
      <form onSubmit={(event) => void onAdd(event)} onChange={submission.renew} className="mt-3 flex flex-wrap items-end gap-2" noValidate>
        <TextField name="name" id="lay-name" label={t("name")} required className="min-w-48 flex-1" problem={problem} autoComplete="off" />
        <TextField
          name="email"
          id="lay-email"
          label={t("email")}
          hint={t("emailHint")}
          type="email"
          className="min-w-48 flex-1"
          problem={problem}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <SelectField
          name="strand"
          id="lay-strand"
          label={t("strand")}
          options={[
            { value: "SERVICE_USER", label: t("strands.SERVICE_USER") },
            { value: "EXTERNAL", label: t("strands.EXTERNAL") },
          ]}
        />
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" name="sendEmail" disabled={!email.trim()} />
          {t("sendEmail")}
        </label>
        <button type="submit" className="btn-secondary" disabled={busy}>
          {add.isPending ? t("adding") : t("add")}
        </button>
        {problem && !["name", "email"].includes(problem.field ?? "") && <ErrorAlert error={add.error} className="basis-full text-sm" />}
      </form>
    </section>
  );
}

/** The link and code just issued: shown once, with a copy button for the link. */
function IssuedLink({ issued }: { issued: Issued }) {
  const t = useTranslations("layPanelist.manager");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div role="status" className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <p className="font-semibold">{t("issuedTitle", { name: issued.name })}</p>
      <p className="mt-1">{t("issuedShownOnce")}</p>
      {issued.emailed && <p className="mt-1">{t("issuedEmailed")}</p>}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="lay-link" className="sr-only">{t("link")}</label>
        <input id="lay-link" readOnly value={issued.link} className="field-input flex-1 font-mono text-sm" onFocus={(e) => e.target.select()} />
        <button type="button" className="btn-secondary" onClick={() => void copy()}>
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <p className="mt-2">
        {t("code")}: <strong className="font-mono text-lg tracking-widest" data-testid="lay-code">{issued.code}</strong>
        <span className="block text-slate-700">{t("codeHint")}</span>
      </p>
      <p className="mt-1">{t("expires", { when: format.dateTime(issued.expiresAt, "dateTime") })}</p>
    </div>
  );
}
