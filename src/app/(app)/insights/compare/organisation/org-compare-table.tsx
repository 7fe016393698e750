"use client";
// One page of the organisation-wide comparison: a plain table (100 rows, so no virtualisation), scrolled
// sideways in its own focusable region on a narrow screen.
import { useFormatter, useTranslations } from "next-intl";
import { cellAt } from "@/lib/insights/comparison-cells";
import type { ComparisonPage } from "@/lib/schemas/comparison-pages";

const STRANDS = ["STAFF", "EXTERNAL", "SERVICE_USER"] as const;

export function OrgCompareTable({ page }: { page: ComparisonPage }) {
  const t = useTranslations("compareOrg");
  const format = useFormatter();
  const fixed = (value: number | null, digits: number) => (value === null ? t("none") : format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  // The strands' means (issue 23), where a page has an involvement panel: some external or service-user figure.
  const strands = page.rows.some((r) => r.strandMeans.EXTERNAL !== null || r.strandMeans.SERVICE_USER !== null) ? STRANDS : [];
  return (
    <div className="overflow-x-auto rounded border border-slate-200" role="region" aria-label={t("tableLabel")} tabIndex={0}>
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t("candidate")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("vacancyColumn")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("score")}
            </th>
            {strands.map((s) => (
              <th key={s} scope="col" className="px-3 py-2 text-right">
                {t(`strandMeans.${s}`)}
              </th>
            ))}
            {page.competencies.map((c) => (
              <th key={c.id} scope="col" className="px-3 py-2 text-right">
                {c.name}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right">
              {t("scorecards")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("statusColumn")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("added")}
            </th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.candidateId} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {row.label}
              </th>
              <td className="px-3 py-2">{row.vacancy}</td>
              <td className="px-3 py-2 text-right tabular-nums">{fixed(row.weightedScore, 2)}</td>
              {strands.map((s) => (
                <td key={s} className="px-3 py-2 text-right tabular-nums" data-testid={`strand-mean-${s}`}>
                  {fixed(row.strandMeans[s], 2)}
                </td>
              ))}
              {page.competencies.map((c, i) => {
                const cell = cellAt(row, i);
                return (
                  <td key={c.id} className="px-3 py-2 text-right tabular-nums">
                    {cell.mean === null ? t("none") : t("meanWithN", { mean: fixed(cell.mean, 1), n: cell.n })}
                  </td>
                );
              })}
              <td className="px-3 py-2 text-right tabular-nums">{row.scorecards}</td>
              <td className="px-3 py-2">{t(`statuses.${row.status}`)}</td>
              <td className="px-3 py-2">{format.dateTime(new Date(row.createdAt), { dateStyle: "medium" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
