"use client";
// The panel of an interview for those who schedule: add or remove members, seat a member as a shadow (who
// scores to learn and never counts), invite someone new by email.
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useShownValues } from "@/components/use-shown-values";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useTRPC } from "@/trpc/react";
import { isPlaceholderEmail } from "@/lib/lay-placeholder-email";
import { When } from "../_components/when";
import { ReadinessNote, UnreadyWarnings, useReadinessWords } from "../_components/readiness";

type Panelist = { userId: string; name: string; email: string; shadow: boolean };

/** A panel's members and shadows in a fixed order, so the same panel always compares equal. */
const panelSets = (userIds: string[], shadowUserIds: string[]) => ({ userIds: [...userIds].sort(), shadowUserIds: [...shadowUserIds].sort() });

type Invitation = { id: string; email: string; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null };

export function PanelManager({ interviewId, panel, invitations }: { interviewId: string; panel: Panelist[]; invitations: Invitation[] }) {
  const t = useTranslations("interviews.panelManager");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const members = useQuery(trpc.org.members.queryOptions());
  // Each member's readiness for this interview's script (shown when the script requires practice).
  const readiness = useQuery(trpc.readiness.panel.queryOptions({ interviewId }));
  const required = readiness.data?.practiceRequired ?? false;
  const readinessOf = new Map(readiness.data?.members.map((m) => [m.userId, m]));
  const readinessWords = useReadinessWords();
  // The panel as this page shows it, or as its last change left it until the page is fetched afresh: each change
  // is made from it and sends it, so a change made after the panel changed elsewhere is refused, not applied
  // over it (a member taken off is never seated again by a change from an older page).
  const shownPanel = useShownValues(panelSets(panel.map((p) => p.userId), panel.filter((p) => p.shadow).map((p) => p.userId)), { followsPage: true });
  const setPanel = useMutation(
    trpc.interviews.setPanel.mutationOptions({ onSuccess: (saved) => shownPanel.saved(panelSets(saved.userIds, saved.shadowUserIds)) }),
  );
  const invite = useMutation(trpc.invitations.create.mutationOptions({ onSuccess: () => router.refresh() }));
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions({ onSuccess: () => router.refresh() }));
  const [addId, setAddId] = useState("");
  const [addAsShadow, setAddAsShadow] = useState(false);
  const [copied, setCopied] = useState(false);
  const inviteProblem = fieldErrorFrom(invite.error);
  const submission = useSubmissionKey();

  const ids = shownPanel.shown.userIds;
  const seated = new Set(ids);
  const candidates = members.data?.filter((m) => !seated.has(m.userId)) ?? [];
  const shadowIds = shownPanel.shown.shadowUserIds;
  const counting = ids.length - shadowIds.length;
  const save = (userIds: string[], shadowUserIds: string[], onSuccess?: () => void) =>
    setPanel.mutate(
      { id: interviewId, userIds, shadowUserIds: shadowUserIds.filter((id) => userIds.includes(id)), shown: shownPanel.shown },
      { onSuccess },
    );

  async function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    setCopied(false);
    try {
      await invite.mutateAsync({ email: String(new FormData(formElement).get("email") ?? ""), interviewId, idempotencyKey: submission.current() });
      submission.renew();
      formElement.reset();
    } catch {
      // shown from invite.error
    }
  }

  async function copyLink(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  const pending = invitations.filter((i) => !i.acceptedAt && !i.revokedAt);
  return (
    <div className="mt-2 space-y-4">
      {readiness.data && <ReadinessNote readiness={readiness.data} />}
      <ErrorAlert error={setPanel.error} variant="boxed" />
      {setPanel.data && readiness.data && <UnreadyWarnings warnings={setPanel.data.warnings} scriptTitle={readiness.data.scriptTitle} />}
      <ul className="space-y-2" aria-label={t("panelists")}>
        {panel.map((p) => (
          <li key={p.userId} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{p.name}</span> {!isPlaceholderEmail(p.email) && <span className="text-sm text-slate-600">{p.email}</span>}
              {p.shadow && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t("shadow")}</span>}
              {required && !p.shadow && readinessOf.get(p.userId) && (
                <span className={`block text-sm ${readinessOf.get(p.userId)!.status === "READY" ? "text-emerald-800" : "text-amber-900"}`}>
                  {readinessWords(readinessOf.get(p.userId)!)}
                </span>
              )}
            </span>
            <span className="flex flex-wrap gap-2">
              <button
                type="button"
                className="btn-secondary"
                disabled={setPanel.isPending || (!p.shadow && counting === 1)}
                onClick={() => save(ids, p.shadow ? shadowIds.filter((id) => id !== p.userId) : [...shadowIds, p.userId])}
              >
                {p.shadow ? t("makePanelist") : t("makeShadow")}
                <span className="sr-only">{t("whose", { name: p.name })}</span>
              </button>
              <button
                type="button"
                className="btn-secondary"
                disabled={setPanel.isPending || (!p.shadow && counting === 1)}
                onClick={() => save(ids.filter((id) => id !== p.userId), shadowIds)}
              >
                {t("remove")}
                <span className="sr-only">{t("removeWho", { name: p.name })}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>

      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (addId) {
            save([...ids, addId], addAsShadow ? [...shadowIds, addId] : shadowIds, () => {
              setAddId("");
              setAddAsShadow(false);
            });
          }
        }}
      >
        <SelectField
          name="userId"
          id="panel-add"
          label={t("addLabel")}
          className="min-w-60 flex-1"
          value={addId}
          onChange={(e) => setAddId(e.target.value)}
          options={[
            { value: "", label: t("chooseMember") },
            ...candidates.map((m) => {
              const r = required ? readinessOf.get(m.userId) : undefined;
              return { value: m.userId, label: r ? t("memberReadiness", { name: m.name, readiness: readinessWords(r) }) : m.name };
            }),
          ]}
        />
        <label className="flex items-center gap-2 py-2 text-sm">
          <input type="checkbox" checked={addAsShadow} onChange={(e) => setAddAsShadow(e.target.checked)} />
          {t("asShadow")}
        </label>
        <button type="submit" className="btn-secondary" disabled={!addId || setPanel.isPending}>
          {t("add")}
        </button>
        <p className="basis-full text-sm text-slate-600">{t("shadowHint")}</p>
      </form>

      <form onSubmit={(event) => void onInvite(event)} onChange={submission.renew} className="flex flex-wrap items-end gap-2" noValidate>
        <TextField name="email" id="invite-email" label={t("inviteLabel")} type="email" className="min-w-60 flex-1" problem={inviteProblem} />
        <button type="submit" className="btn-secondary" disabled={invite.isPending}>
          {invite.isPending ? t("inviting") : t("sendInvitation")}
        </button>
        {inviteProblem && inviteProblem.field !== "email" && (
          <Alert variant="plain" className="basis-full text-sm">
            {inviteProblem.message}
          </Alert>
        )}
      </form>
      {invite.data && (
        <div role="status" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
          <p>
            {invite.data.emailed ? t("emailed") : t("notEmailed")}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="invite-link" className="sr-only">{t("linkLabel")}</label>
            <input id="invite-link" readOnly value={invite.data.link} className="field-input flex-1 font-mono text-sm" onFocus={(e) => e.target.select()} />
            <button type="button" className="btn-secondary" onClick={() => void copyLink(invite.data.link)}>
              {copied ? common("copied") : common("copyLink")}
            </button>
          </div>
        </div>
      )}
      {pending.length > 0 && (
        <div>
          <h3 className="text-base font-semibold">{t("pending")}</h3>
          <ErrorAlert error={revoke.error} className="text-sm" />
          <ul className="mt-1 space-y-1" aria-label={t("pending")}>
            {pending.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span>
                  {t("expires", { email: i.email })}
                  <When date={i.expiresAt} dateOnly />
                </span>
                <button type="button" className="btn-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: i.id })}>
                  {t("withdraw")}
                  <span className="sr-only">{t("withdrawWho", { email: i.email })}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
