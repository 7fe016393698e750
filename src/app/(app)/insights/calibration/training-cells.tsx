"use client";
// Calibration's training additions (issue 19): how sure each alpha is (bootstrap interval), and per panelist
// their practice accuracy and drift beside live leniency; HR and admins can run the drift check now.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import { driftWords } from "@/lib/training/drift-words";
import type { Calibration } from "../_components/insights-format";
import { intervalText } from "./calibration-words";
import { useCalibrationFigures, type CalibrationFigures } from "./use-calibration-figures";

type Interval = Calibration["overall"]["interval"];
type Training = Calibration["panelists"][number]["training"];

function chance(p: number, figures: CalibrationFigures): string {
  if (p > 0 && p < 0.01) return `<${figures.percent(0.01)}`;
  if (p < 1 && p > 0.99) return `>${figures.percent(0.99)}`;
  return figures.percent(p);
}

/** "95% interval 0.21 to 0.45 · P(α < 0.667) 99%". */
export function IntervalFigures({ interval }: { interval: Interval }) {
  const t = useTranslations("calibration");
  const figures = useCalibrationFigures();
  if (interval.low === null || interval.high === null || interval.probabilityBelow === null) return <span className="text-slate-600">–</span>;
  return (
    <span className="tabular-nums">
      <span className="whitespace-nowrap">
        {t("intervalRange", { low: figures.mean(interval.low, 2), high: figures.mean(interval.high, 2) })}
      </span>
      <span className="block text-xs text-slate-700">
        {t.rich("chanceBelow", {
          minimum: figures.plain(interval.minimum),
          chance: chance(interval.probabilityBelow, figures),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </span>
    </span>
  );
}

/** Under the overall alpha: the interval's figures and its one-line reading. */
export function OverallInterval({ interval }: { interval: Interval }) {
  const t = useTranslations("calibration");
  const figures = useCalibrationFigures();
  return (
    <p className="basis-full text-sm text-slate-800" data-testid="overall-interval">
      <span className="font-medium">{t("howSure")}</span>
      {intervalText(t, interval, figures)}{" "}
      <span className="text-slate-600">{t("bootstrap", { samples: interval.samples })}</span>
    </p>
  );
}

/** The panelist's last practice session: how far off the reference they were, and which way they leant. */
export function PracticeCell({ training }: { training: Training }) {
  const t = useTranslations("calibration");
  const format = useFormatter();
  const figures = useCalibrationFigures();
  if (training.practiceHidden) return <span className="text-slate-600">{t("hrOnly")}</span>;
  const p = training.practice;
  if (!p) return <span className="text-slate-700">{t("neverPractised")}</span>;
  const lean = p.bias === null ? null : Math.round(p.bias * 100) / 100;
  return (
    <>
      {t.rich("offBy", {
        diff: figures.mean(p.meanAbsDiff, 2),
        strong: (chunks) => <span className="font-semibold tabular-nums">{chunks}</span>,
      })}
      {lean !== null && (
        <span className="block text-xs text-slate-700">
          <span className="tabular-nums">{t("lean", { bias: figures.signed(p.bias!) })}</span> {lean > 0 ? t("lenient") : lean < 0 ? t("strict") : ""}
        </span>
      )}
      <span className="block text-xs text-slate-600">
        {t("sessionLine", { date: format.dateTime(p.completedAt, "date"), script: p.scriptTitle })}
      </span>
    </>
  );
}

/** Whether the panelist's ratings here drifted by the organisation's thresholds, and the last refresher. */
export function DriftCell({ training }: { training: Training }) {
  const t = useTranslations("calibration");
  const format = useFormatter();
  const figures = useCalibrationFigures();
  const d = training.drift;
  // The findings about them in the reader's language (calibration.drift.them.*).
  const lines = driftWords(d, "them", t, (value) => figures.mean(value, 2));
  return (
    <>
      {d.reasons.length === 0 ? (
        <span className="text-slate-700">{t("noDrift", { count: d.ratings })}</span>
      ) : (
        <>
          <span className="chip bg-amber-50 text-amber-950 ring-amber-200">{t("drifting")}</span>
          <ul className="mt-1 max-w-xs text-xs text-slate-800">
            {lines.map((line) => (
              <li key={line}>{line.charAt(0).toUpperCase() + line.slice(1)}</li>
            ))}
          </ul>
          {d.competencies.length > 0 && <span className="block text-xs text-slate-700">{t("practise", { competencies: format.list(d.competencies, { type: "unit" }) })}</span>}
        </>
      )}
      {training.lastRefresherAt && (
        <span className="block text-xs text-slate-600">
          {t("lastRefresher", { date: format.dateTime(training.lastRefresherAt, "date") })}
        </span>
      )}
    </>
  );
}

/** HR and admins: run the check the daily job runs, over what they see, and read who gets a refresher. */
export function DriftCheckButton() {
  const t = useTranslations("calibration");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const check = useMutation(
    trpc.readiness.checkDrift.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries(trpc.insights.calibration.pathFilter()) }),
  );
  return (
    <div className="mt-3 space-y-2" data-testid="drift-check">
      <button type="button" className="btn-secondary" disabled={check.isPending} onClick={() => check.mutate()}>
        {check.isPending ? t("checking") : t("checkDrift")}
      </button>
      <ErrorAlert error={check.error} className="text-sm" />
      {check.data && (
        <div role="status" className="text-sm">
          {check.data.flagged.length === 0 ? (
            <p>{t("noneDrifted", { days: check.data.windowDays })}</p>
          ) : (
            <ul className="list-disc pl-5">
              {check.data.flagged.map((f) => (
                <li key={f.userId}>
                  {t.rich("flaggedLine", {
                    name: f.name,
                    outcome: t(`refresher.${f.refresher}`),
                    strong: (chunks) => <span className="font-medium">{chunks}</span>,
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
