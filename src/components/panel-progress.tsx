"use client";
// Live panel progress for an interview: who has started and who has submitted, never their scores.
// Updates arrive over server-sent events from every app instance (Postgres LISTEN/NOTIFY behind them).
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/trpc/react";

const STATE_LABELS = { NOT_STARTED: "Not started", IN_PROGRESS: "Scoring", SUBMITTED: "Submitted" } as const;
const STATE_TONES = {
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-amber-50 text-amber-900 ring-amber-300",
  SUBMITTED: "bg-green-50 text-green-900 ring-green-300",
} as const;

export function PanelProgress({ interviewId, compact = false }: { interviewId: string; compact?: boolean }) {
  const trpc = useTRPC();
  const initial = useQuery(trpc.scorecards.progress.queryOptions({ interviewId }));
  const live = useSubscription(trpc.scorecards.onProgress.subscriptionOptions({ interviewId }));
  const panel = live.data ?? initial.data;
  if (!panel) return initial.isError ? null : <p className="text-sm text-slate-600">Loading panel progress…</p>;

  const submitted = panel.filter((p) => p.state === "SUBMITTED").length;
  return (
    <section aria-label="Panel progress" className={compact ? "" : "card"} data-testid="panel-progress">
      {!compact && <h2 className="text-lg font-semibold">Panel progress</h2>}
      <p className={`text-sm ${compact ? "sr-only" : "mt-1 text-slate-700"}`}>
        {submitted} of {panel.length} submitted{live.status === "pending" || live.status === "error" ? "" : " · live"}
      </p>
      <ul className={`flex flex-wrap gap-2 ${compact ? "" : "mt-2"}`}>
        {panel.map((p) => (
          <li key={p.userId} className={`rounded-full px-3 py-1 text-sm ring-1 ${STATE_TONES[p.state]}`} data-testid="panelist-state">
            {p.name}: {STATE_LABELS[p.state]}
          </li>
        ))}
      </ul>
    </section>
  );
}
