"use client";
// Calibration's training additions (issue 19): how sure each alpha is (bootstrap interval), and per panelist
// their practice accuracy and drift beside live leniency; HR and admins can run the drift check now.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import { formatMean, formatSigned, plural, type Calibration } from "../_components/insights-format";

type Interval = Calibration["overall"]["interval"];
type Training = Calibration["panelists"][number]["training"];

const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function chance(p: number): string {
  if (p > 0 && p < 0.01) return "<1%";
  if (p < 1 && p > 0.99) return ">99%";
  return `${Math.round(p * 100)}%`;
}

/** "95% interval 0.21 to 0.45 · P(α < 0.667) 99%". */
export function IntervalFigures({ interval }: { interval: Interval }) {
  if (interval.low === null || interval.high === null || interval.probabilityBelow === null) return <span className="text-slate-600">–</span>;
  return (
    <span className="tabular-nums">
      <span className="whitespace-nowrap">
        {formatMean(interval.low, 2)} to {formatMean(interval.high, 2)}
      </span>
      <span className="block text-xs text-slate-700">
        chance below {interval.minimum}: <strong>{chance(interval.probabilityBelow)}</strong>
      </span>
    </span>
  );
}

/** Under the overall alpha: the interval's figures and its one-line reading. */
export function OverallInterval({ interval }: { interval: Interval }) {
  return (
    <p className="basis-full text-sm text-slate-800" data-testid="overall-interval">
      <span className="font-medium">How sure: </span>
      {interval.text}{" "}
      <span className="text-slate-600">(Bootstrap of {interval.samples.toLocaleString("en-GB")} resamples; the same figures on every load.)</span>
    </p>
  );
}

/** The panelist's last practice session: how far off the reference they were, and which way they leant. */
export function PracticeCell({ training }: { training: Training }) {
  if (training.practiceHidden) return <span className="text-slate-600">HR and admins only</span>;
  const p = training.practice;
  if (!p) return <span className="text-slate-700">Never practised</span>;
  const lean = p.bias === null ? null : Math.round(p.bias * 100) / 100;
  return (
    <>
      off by <span className="font-semibold tabular-nums">{formatMean(p.meanAbsDiff, 2)}</span>
      {lean !== null && (
        <span className="block text-xs text-slate-700">
          lean <span className="tabular-nums">{formatSigned(p.bias!)}</span> {lean > 0 ? "(lenient)" : lean < 0 ? "(strict)" : ""}
        </span>
      )}
      <span className="block text-xs text-slate-600">
        {dateOnly.format(p.completedAt)} · {p.scriptTitle}
      </span>
    </>
  );
}

/** Whether the panelist's ratings here drifted by the organisation's thresholds, and the last refresher. */
export function DriftCell({ training }: { training: Training }) {
  const d = training.drift;
  return (
    <>
      {d.reasons.length === 0 ? (
        <span className="text-slate-700">No drift ({plural(d.ratings, "rating")})</span>
      ) : (
        <>
          <span className="chip bg-amber-50 text-amber-950 ring-amber-200">Drifting</span>
          <ul className="mt-1 max-w-xs text-xs text-slate-800">
            {d.text.map((line) => (
              <li key={line}>{line.charAt(0).toUpperCase() + line.slice(1)}</li>
            ))}
          </ul>
          {d.competencies.length > 0 && <span className="block text-xs text-slate-700">Practise: {d.competencies.join(", ")}</span>}
        </>
      )}
      {training.lastRefresherAt && (
        <span className="block text-xs text-slate-600">Last refresher suggested {dateOnly.format(training.lastRefresherAt)}</span>
      )}
    </>
  );
}

const OUTCOME: Record<string, string> = {
  EMAILED: "refresher emailed",
  SUGGESTED: "refresher suggested (email is not set up)",
  RECENT: "already had one in the last 30 days",
};

/** HR and admins: run the check the daily job runs, over what they see, and read who gets a refresher. */
export function DriftCheckButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const check = useMutation(
    trpc.readiness.checkDrift.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries(trpc.insights.calibration.pathFilter()) }),
  );
  return (
    <div className="mt-3 space-y-2" data-testid="drift-check">
      <button type="button" className="btn-secondary" disabled={check.isPending} onClick={() => check.mutate()}>
        {check.isPending ? "Checking…" : "Check for drift now"}
      </button>
      <ErrorAlert error={check.error} className="text-sm" />
      {check.data && (
        <div role="status" className="text-sm">
          {check.data.flagged.length === 0 ? (
            <p>No panelist&apos;s ratings drifted in the last {check.data.windowDays} days.</p>
          ) : (
            <ul className="list-disc pl-5">
              {check.data.flagged.map((f) => (
                <li key={f.userId}>
                  <span className="font-medium">{f.name}</span>: {OUTCOME[f.refresher]}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
