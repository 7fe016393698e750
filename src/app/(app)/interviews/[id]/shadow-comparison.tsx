"use client";
// A shadow's ratings beside the panel's mean, cell by cell, with the practice figures against those means:
// how a shadow learns from a live interview. Shown to the shadow only, once their scorecard is submitted
// (before that the server answers with why not, which is shown instead).
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { practiceReadings } from "@/lib/training/practice-readings";
import { useTRPC } from "@/trpc/react";

export function ShadowComparison({ interviewId }: { interviewId: string }) {
  const t = useTranslations("interviews.shadow");
  // The readings of practice-readings.ts against the panel's mean (interviews.shadow.readings).
  const say = useTranslations("interviews.shadow.readings");
  const format = useFormatter();
  const two = (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${two(Math.abs(value))}`;
  const trpc = useTRPC();
  const comparison = useQuery({ ...trpc.scorecards.shadowComparison.queryOptions({ interviewId }), retry: false });
  const data = comparison.data;
  const readingsOf = (figures: NonNullable<NonNullable<typeof data>["figures"]>) => {
    const r = practiceReadings(figures, say, two);
    return [r.distance, r.bias, r.separation];
  };
  return (
    <section id="shadow-comparison" aria-labelledby="shadow-heading" className="card mt-4" data-testid="shadow-comparison">
      <h2 id="shadow-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      {comparison.error && (
        <Alert variant="plain" className="mt-2 text-sm">
          {comparison.error.message}
        </Alert>
      )}
      {comparison.isPending && <p className="mt-2 text-sm text-slate-600">{t("loading")}</p>}
      {data && (
        <>
          <p className="mt-2 text-sm">
            {t("submittedSoFar", { submitted: data.panelSubmitted, size: data.panelSize })}
            {data.panelSubmitted < data.panelSize ? t("fillsIn") : "."}
          </p>
          {data.figures ? (
            <>
              <dl className="mt-3 grid gap-3 sm:grid-cols-3">
                <div className="rounded-md border border-slate-200 p-3" data-testid="shadow-mad">
                  <dt className="text-sm text-slate-700">{t("mad")}</dt>
                  <dd className="text-2xl font-semibold">{two(data.figures.meanAbsDiff)}</dd>
                </div>
                <div className="rounded-md border border-slate-200 p-3" data-testid="shadow-bias">
                  <dt className="text-sm text-slate-700">{t("bias")}</dt>
                  <dd className="text-2xl font-semibold">{signed(data.figures.bias)}</dd>
                </div>
                <div className="rounded-md border border-slate-200 p-3">
                  <dt className="text-sm text-slate-700">{t("separation")}</dt>
                  <dd className="text-2xl font-semibold">{data.figures.separation === null ? "—" : two(data.figures.separation)}</dd>
                </div>
              </dl>
              <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
                {readingsOf(data.figures).map((reading) => (
                  <li key={reading}>{reading}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-2 text-sm">{t("nothingYet")}</p>
          )}
          <div className="mt-3 overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr className="text-left">
                  <th scope="col" className="py-1 pr-3">{t("question")}</th>
                  <th scope="col" className="py-1 pr-3">{t("competency")}</th>
                  <th scope="col" className="py-1 pr-3">{t("yours")}</th>
                  <th scope="col" className="py-1 pr-3">{t("panelMean")}</th>
                </tr>
              </thead>
              <tbody>
                {data.cells.map((c) => (
                  <tr key={`${c.number}-${c.competencyId}`} className="border-t border-slate-200" data-testid="shadow-cell">
                    <td className="py-1 pr-3">{c.number}</td>
                    <td className="py-1 pr-3">{c.competency}</td>
                    <td className="py-1 pr-3">{c.yours ?? "—"}</td>
                    <td className="py-1 pr-3">{c.panelMean === null ? "—" : t("meanOf", { mean: two(c.panelMean), n: c.panelN })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
