"use client";
// Live panel progress for an interview: who has started and who has submitted; never scores, nor when anyone last saved.
// Updates arrive over server-sent events from every app instance (Postgres LISTEN/NOTIFY behind them); the
// first one is the progress now. It uses the browser's EventSource (src/trpc/sse-subscription.ts), not the
// tRPC client, so that the scoring page loads neither the tRPC client nor TanStack Query on first load.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { subscribeOverSSE } from "@/trpc/sse-subscription";
import type { PanelistProgress } from "@/lib/schemas/scorecards";

type Panel = PanelistProgress[];
type Live = { interviewId: string; panel: Panel | null; connected: boolean; failed: boolean };

const STATE_TONES = {
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-amber-50 text-amber-900 ring-amber-300",
  SUBMITTED: "bg-green-50 text-green-900 ring-green-300",
} as const;

export function PanelProgress({ interviewId, compact = false }: { interviewId: string; compact?: boolean }) {
  const t = useTranslations("common.ui.progress");
  const [live, setLive] = useState<Live | null>(null);

  useEffect(() => {
    // What this interview's subscription last showed (a previous interview's state is never carried over).
    const update = (change: Partial<Live>) =>
      setLive((prev) => ({ interviewId, panel: null, connected: false, failed: false, ...(prev?.interviewId === interviewId ? prev : {}), ...change }));
    return subscribeOverSSE<Panel>(
      "scorecards.onProgress",
      { interviewId },
      {
        onStarted: () => update({ connected: true }),
        onData: (panel) => update({ panel, connected: true }),
        onConnecting: () => update({ connected: false }),
        onError: () => update({ connected: false, failed: true }),
      },
    );
  }, [interviewId]);

  const state = live?.interviewId === interviewId ? live : null;
  const panel = state?.panel;
  if (!panel) return state?.failed ? null : <p className="text-sm text-slate-600">{t("loading")}</p>;

  const submitted = panel.filter((p) => p.state === "SUBMITTED").length;
  return (
    <section aria-label={t("heading")} className={compact ? "" : "card"} data-testid="panel-progress">
      {!compact && <h2 className="text-lg font-semibold">{t("heading")}</h2>}
      <p className={`text-sm ${compact ? "sr-only" : "mt-1 text-slate-700"}`}>
        {t("summary", { submitted, total: panel.length })}
        {state?.connected ? t("live") : ""}
      </p>
      <ul className={`flex flex-wrap gap-2 ${compact ? "" : "mt-2"}`}>
        {panel.map((p) => (
          <li key={p.userId} className={`rounded-full px-3 py-1 text-sm ring-1 ${STATE_TONES[p.state]}`} data-testid="panelist-state">
            {t("panelist", { name: p.name, state: t(`states.${p.state}`) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
