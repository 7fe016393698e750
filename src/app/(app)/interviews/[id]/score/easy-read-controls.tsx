"use client";
// Easy-read mode's "2 of 5" (in words and as a bar) and its large Back and Next, one competency at a time.
// In their own chunk: the scoring screen loads them only when the mode is on.
import { useTranslations } from "next-intl";

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

/** Easy-read's Back and Next: one competency at a time, large, with the keys the screen answers to. */
export function EasyReadPager({ step, total, onStep }: { step: number; total: number; onStep: (delta: 1 | -1) => void }) {
  const t = useTranslations("scoring");
  return (
    <div className="mt-4 grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-2">
      <button type="button" className="btn-secondary col-start-1 row-start-1 min-h-14 px-5 text-lg" disabled={step === 1} onClick={() => onStep(-1)}>
        {t("easyRead.previous")}
      </button>
      <p className="col-span-3 row-start-2 text-center text-sm text-slate-700 sm:col-span-1 sm:col-start-2 sm:row-start-1">{t("easyRead.keysHint")}</p>
      <button type="button" className="btn-primary col-start-3 row-start-1 min-h-14 px-5 text-lg" disabled={step === total} onClick={() => onStep(1)}>
        {t("easyRead.next")}
      </button>
    </div>
  );
}
