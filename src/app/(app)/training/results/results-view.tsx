"use client";
// Practice results for HR and admins, per panelist and script, with a CSV export of the same rows.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { isLocale } from "@/i18n/config";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { leanOf } from "@/lib/training/practice-readings";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { useFigures } from "../_components/use-figures";
import { ReadinessText } from "./readiness-text";

type Results = RouterOutputs["training"]["results"];
type Row = Results["rows"][number];

type Translate = ReturnType<typeof useTranslations>;
type Figures = ReturnType<typeof useFigures>;

const day = (date: Date) => date.toISOString().slice(0, 10);
/** Between the trend's figures, oldest first. */
const ARROW = " → ";

function trendWords(trend: readonly number[], t: Translate): string {
  if (trend.length < 2) return t("results.oneSession");
  const change = trend[trend.length - 1]! - trend[0]!;
  const direction = Math.abs(change) < 0.05 ? "steady" : change < 0 ? "closer" : "further";
  return t(`results.${direction}`, { n: trend.length });
}

function columns(maxMad: number, t: Translate, { two, figure, signed }: Figures): Array<ColumnDef<Row>> {
  return [
    {
      header: t("results.panelist"),
      cell: ({ row }) => (
        <Link href={`/training/panelists/${row.original.userId}`} className="underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
      ),
    },
    { header: t("results.script"), cell: ({ row }) => row.original.scriptTitle },
    {
      header: t("results.lastPractice"),
      cell: ({ row }) => t("results.lastPracticeCell", { date: day(row.original.lastPracticeAt), sessions: row.original.sessions }),
    },
    { header: t("results.readiness"), cell: ({ row }) => <ReadinessText text={row.original.readiness} detail={row.original.readinessDetail} /> },
    {
      header: t("results.meanAbsDiff"),
      cell: ({ row }) => {
        const mad = row.original.meanAbsDiff;
        return mad === null ? "—" : mad <= maxMad ? two(mad) : t("results.aboveThreshold", { value: two(mad) });
      },
    },
    {
      header: t("results.bias"),
      cell: ({ row }) =>
        row.original.bias === null ? "—" : t("results.biasCell", { signed: signed(row.original.bias), lean: t(`readings.lean.${leanOf(row.original.bias)}`) }),
    },
    { header: t("results.separation"), cell: ({ row }) => figure(row.original.separation) },
    {
      header: t("results.trend"),
      cell: ({ row }) => (
        <span>
          <span className="font-mono">{row.original.trend.map((v) => two(v)).join(ARROW)}</span>
          <span className="block text-xs text-slate-700">{trendWords(row.original.trend, t)}</span>
        </span>
      ),
    },
  ];
}

export function ResultsView() {
  const t = useTranslations("training");
  const locale = useLocale();
  const figures = useFigures();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const results = useQuery(trpc.training.results.queryOptions());
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<{ message: string } | null>(null);

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const { fileName, csv } = await client.training.resultsCsv.query({ locale: isLocale(locale) ? locale : undefined });
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError({ message: error instanceof Error ? error.message : t("results.exportFailed") });
    } finally {
      setExporting(false);
    }
  }

  const data = results.data;
  return (
    <div className="mt-6 space-y-6">
      <ErrorAlert error={results.error} />
      {results.isPending && <p>{t("results.loading")}</p>}
      {data && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className="btn-secondary" onClick={() => void exportCsv()} disabled={exporting} data-testid="export-practice-results">
              {exporting ? t("results.exporting") : t("results.export")}
            </button>
            <p className="text-sm text-slate-700">{t("results.threshold", { max: figures.two(data.maxMeanAbsDiff) })}</p>
            <ErrorAlert error={exportError} />
          </div>
          <section aria-labelledby="by-panelist-heading">
            <h2 id="by-panelist-heading" className="text-lg font-semibold">
              {t("results.byPanelist")}
            </h2>
            <div className="mt-3">
              <DataTable
                label={t("results.tableLabel")}
                columns={columns(data.maxMeanAbsDiff, t, figures)}
                data={data.rows}
                rowKey={(r) => `${r.userId}:${r.scriptId}`}
                testId="practice-results"
                rowTestId="practice-result-row"
                minWidth="min-w-[60rem]"
                empty={<p className="card text-slate-700">{t("results.none")}</p>}
              />
            </div>
          </section>
          {data.requirements.length > 0 && (
            <section aria-labelledby="readiness-heading" data-testid="practice-readiness">
              <h2 id="readiness-heading" className="text-lg font-semibold">
                {t("results.readinessHeading")}
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                {t("results.readyMeans", { max: figures.two(data.maxMeanAbsDiff) })}
              </p>
              <div className="mt-3 grid gap-3 md:grid-cols-2">
                {data.requirements.map((r) => {
                  const ready = r.members.filter((m) => m.status === "READY").length;
                  return (
                    <section key={r.scriptId} className="card" aria-labelledby={`readiness-${r.scriptId}`} data-testid="script-readiness">
                      <h3 id={`readiness-${r.scriptId}`} className="font-semibold">
                        {r.scriptTitle}
                      </h3>
                      <p className="text-sm text-slate-700">
                        {t("results.membersReady", { ready, count: r.members.length, months: r.practiceMonths })}
                      </p>
                      <ul className="mt-2 space-y-1 text-sm">
                        {r.members.map((m) => (
                          <li key={m.userId} data-testid="member-readiness">
                            <Link href={`/training/panelists/${m.userId}`} className="font-medium underline-offset-2 hover:underline">
                              {m.name}
                            </Link>
                            : <ReadinessText text={m.text} detail={m} />
                          </li>
                        ))}
                      </ul>
                    </section>
                  );
                })}
              </div>
            </section>
          )}
          {data.scripts.length > 0 && (
            <section aria-labelledby="by-script-heading">
              <h2 id="by-script-heading" className="text-lg font-semibold">
                {t("results.byScript")}
              </h2>
              <ul className="mt-3 grid gap-3 md:grid-cols-2" data-testid="practice-results-by-script">
                {data.scripts.map((s) => (
                  <li key={s.scriptId} className="card">
                    <p className="font-semibold">{s.scriptTitle}</p>
                    <p className="text-sm text-slate-700">
                      {t("results.scriptSummary", { count: s.panelists, mad: figures.figure(s.meanAbsDiff) })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
