"use client";
// Live panel progress for an interview: who has started and who has submitted, never their scores.
// Updates arrive over server-sent events from every app instance (Postgres LISTEN/NOTIFY behind them).
// It uses the plain tRPC client rather than TanStack Query so that the scoring page loads no query cache.
import { useEffect, useState } from "react";
import { getTRPCClient } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

type Panel = RouterOutputs["scorecards"]["progress"];

const STATE_LABELS = { NOT_STARTED: "Not started", IN_PROGRESS: "Scoring", SUBMITTED: "Submitted" } as const;
const STATE_TONES = {
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-amber-50 text-amber-900 ring-amber-300",
  SUBMITTED: "bg-green-50 text-green-900 ring-green-300",
} as const;

export function PanelProgress({ interviewId, compact = false }: { interviewId: string; compact?: boolean }) {
  const [initial, setInitial] = useState<{ interviewId: string; panel: Panel | null; failed: boolean } | null>(null);
  const [live, setLive] = useState<{ interviewId: string; panel: Panel | null; connected: boolean } | null>(null);

  useEffect(() => {
    const client = getTRPCClient();
    let active = true;
    client.scorecards.progress.query({ interviewId }).then(
      (panel) => active && setInitial({ interviewId, panel, failed: false }),
      () => active && setInitial({ interviewId, panel: null, failed: true }),
    );
    const subscription = client.scorecards.onProgress.subscribe(
      { interviewId },
      {
        onStarted: () => setLive((prev) => ({ interviewId, panel: prev?.interviewId === interviewId ? prev.panel : null, connected: true })),
        onData: (panel) => setLive({ interviewId, panel, connected: true }),
        onError: () => setLive((prev) => ({ interviewId, panel: prev?.interviewId === interviewId ? prev.panel : null, connected: false })),
        onConnectionStateChange: (state) => {
          if (state.state === "connecting")
            setLive((prev) => ({ interviewId, panel: prev?.interviewId === interviewId ? prev.panel : null, connected: false }));
        },
      },
    );
    return () => {
      active = false;
      subscription.unsubscribe();
    };
  }, [interviewId]);

  const current = (<T extends { interviewId: string }>(state: T | null) => (state?.interviewId === interviewId ? state : null));
  const liveState = current(live);
  const initialState = current(initial);
  const panel = liveState?.panel ?? initialState?.panel;
  if (!panel) return initialState?.failed ? null : <p className="text-sm text-slate-600">Loading panel progress…</p>;

  const submitted = panel.filter((p) => p.state === "SUBMITTED").length;
  return (
    <section aria-label="Panel progress" className={compact ? "" : "card"} data-testid="panel-progress">
      {!compact && <h2 className="text-lg font-semibold">Panel progress</h2>}
      <p className={`text-sm ${compact ? "sr-only" : "mt-1 text-slate-700"}`}>
        {submitted} of {panel.length} submitted{liveState?.connected ? " · live" : ""}
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
