"use client";
// Practice results for HR and admins, per panelist and script, with a CSV export of the same rows.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { leanOf, signed } from "@/lib/training/practice-readings";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type Results = RouterOutputs["training"]["results"];
type Row = Results["rows"][number];

const day = (date: Date) => date.toISOString().slice(0, 10);
const figure = (value: number | null) => (value === null ? "—" : value.toFixed(2));

function trendWords(trend: readonly number[]): string {
  if (trend.length < 2) return "one session";
  const change = trend[trend.length - 1]! - trend[0]!;
  const direction = Math.abs(change) < 0.05 ? "steady" : change < 0 ? "closer to the reference" : "further from the reference";
  return `${direction} over ${trend.length} sessions`;
}

function columns(maxMad: number): Array<ColumnDef<Row>> {
  return [
    {
      header: "Panelist",
      cell: ({ row }) => (
        <Link href={`/training/panelists/${row.original.userId}`} className="underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
      ),
    },
    { header: "Script", cell: ({ row }) => row.original.scriptTitle },
    { header: "Last practice", cell: ({ row }) => `${day(row.original.lastPracticeAt)} (${row.original.sessions} finished)` },
    { header: "Readiness", cell: ({ row }) => <ReadinessText text={row.original.readiness} /> },
    {
      header: "Mean abs. difference",
      cell: ({ row }) => {
        const mad = row.original.meanAbsDiff;
        return mad === null ? "—" : `${mad.toFixed(2)}${mad <= maxMad ? "" : " (above threshold)"}`;
      },
    },
    {
      header: "Bias",
      cell: ({ row }) => (row.original.bias === null ? "—" : `${signed(row.original.bias)} ${leanOf(row.original.bias)}`),
    },
    { header: "Separation", cell: ({ row }) => figure(row.original.separation) },
    {
      header: "Trend (last 5)",
      cell: ({ row }) => (
        <span>
          <span className="font-mono">{row.original.trend.map((v) => v.toFixed(2)).join(" → ")}</span>
          <span className="block text-xs text-slate-700">{trendWords(row.original.trend)}</span>
        </span>
      ),
    },
  ];
}

/** A member's readiness for a script that requires practice, or that it requires none. */
function ReadinessText({ text }: { text: string | null }) {
  if (text === null) return <span className="text-slate-700">Not required</span>;
  return <span className={text === "Ready" ? "text-emerald-800" : "text-amber-900"}>{text}</span>;
}

export function ResultsView() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const results = useQuery(trpc.training.results.queryOptions());
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<{ message: string } | null>(null);

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const { fileName, csv } = await client.training.resultsCsv.query();
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError({ message: error instanceof Error ? error.message : "The export failed; try again." });
    } finally {
      setExporting(false);
    }
  }

  const data = results.data;
  return (
    <div className="mt-6 space-y-6">
      <ErrorAlert error={results.error} />
      {results.isPending && <p>Loading results…</p>}
      {data && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className="btn-secondary" onClick={() => void exportCsv()} disabled={exporting} data-testid="export-practice-results">
              {exporting ? "Exporting…" : "Export CSV"}
            </button>
            <p className="text-sm text-slate-700">Readiness threshold: a mean absolute difference of {data.maxMeanAbsDiff.toFixed(2)} or less.</p>
            <ErrorAlert error={exportError} />
          </div>
          <section aria-labelledby="by-panelist-heading">
            <h2 id="by-panelist-heading" className="text-lg font-semibold">
              By panelist and script
            </h2>
            <div className="mt-3">
              <DataTable
                label="Practice results by panelist and script"
                columns={columns(data.maxMeanAbsDiff)}
                data={data.rows}
                rowKey={(r) => `${r.userId}:${r.scriptId}`}
                testId="practice-results"
                rowTestId="practice-result-row"
                minWidth="min-w-[60rem]"
                empty={<p className="card text-slate-700">No finished practice sessions yet.</p>}
              />
            </div>
          </section>
          {data.requirements.length > 0 && (
            <section aria-labelledby="readiness-heading" data-testid="practice-readiness">
              <h2 id="readiness-heading" className="text-lg font-semibold">
                Readiness for scripts that require practice
              </h2>
              <p className="mt-1 text-sm text-slate-700">
                Ready: a finished practice session on the script within its window, off by {data.maxMeanAbsDiff.toFixed(2)} or less.
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
                        {ready} of {r.members.length} member{r.members.length === 1 ? "" : "s"} ready · a session within the last{" "}
                        {r.practiceMonths === 1 ? "month" : `${r.practiceMonths} months`}
                      </p>
                      <ul className="mt-2 space-y-1 text-sm">
                        {r.members.map((m) => (
                          <li key={m.userId} data-testid="member-readiness">
                            <Link href={`/training/panelists/${m.userId}`} className="font-medium underline-offset-2 hover:underline">
                              {m.name}
                            </Link>
                            : <ReadinessText text={m.text} />
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
                By script
              </h2>
              <ul className="mt-3 grid gap-3 md:grid-cols-2" data-testid="practice-results-by-script">
                {data.scripts.map((s) => (
                  <li key={s.scriptId} className="card">
                    <p className="font-semibold">{s.scriptTitle}</p>
                    <p className="text-sm text-slate-700">
                      {s.panelists} panelist{s.panelists === 1 ? "" : "s"} practised · mean of their last mean absolute difference {figure(s.meanAbsDiff)}
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
