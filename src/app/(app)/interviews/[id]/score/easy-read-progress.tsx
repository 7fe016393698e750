"use client";
// Easy-read mode's place in the scorecard: "2 of 5" in words and as a bar, counting one step per competency
// of every question (the mode shows one competency at a time).
import { useTranslations } from "next-intl";

/** Steps before question `index`, and in all: one per competency (a question rating none is one step). */
export function easyReadSteps(competencyCounts: readonly number[], index: number, active: number) {
  const size = (n: number) => Math.max(1, n);
  const before = competencyCounts.slice(0, index).reduce((sum, n) => sum + size(n), 0);
  const total = competencyCounts.reduce((sum, n) => sum + size(n), 0);
  return { step: before + Math.min(active, size(competencyCounts[index] ?? 1) - 1) + 1, total };
}

export function EasyReadProgress({ step, total }: { step: number; total: number }) {
  const t = useTranslations("scoring.easyRead");
  const text = t("progress", { step, total });
  return (
    <div className="flex items-center gap-3">
      <p className="text-lg font-semibold" data-testid="easy-read-progress">
        {text}
      </p>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={step}
        aria-valuetext={text}
        className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-700" style={{ width: `${Math.round((step / total) * 100)}%` }} />
      </div>
    </div>
  );
}
