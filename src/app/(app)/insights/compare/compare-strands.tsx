"use client";
// The comparison's strands at its stage (issue 23): each candidate's weighted score per strand (from that
// strand's own scorecards, as the viewer may see them), the score with every scorecard alike, how far the
// strands are apart, each strand's preferred candidate and whether the strands agree on one.
import { useFormatter, useTranslations } from "next-intl";
import type { Comparison } from "@/lib/insights/comparison-wire";
import { STRANDS } from "@/lib/strands/strand-math";
import { fixed } from "../_components/insights-format";

export function CompareStrands({ comparison }: { comparison: Comparison }) {
  const t = useTranslations("strands");
  const words = useTranslations("insights.compare");
  const format = useFormatter();
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? "—" : fixed(value, 2, format));
  const strands = comparison.strands;
  if (!strands) return null;
  const rows = comparison.rows.filter((r) => r.strands);
  const modeOf = new Map(strands.policy.map((p) => [p.strand, p]));
  const shownStrands = STRANDS.filter((s) => modeOf.has(s) || rows.some((r) => r.strands!.scorecards[s] !== undefined));
  const preferredOf = (candidateId: string) =>
    shownStrands.filter((s) => strands.preferred[s]?.includes(candidateId)).map((s) => t(`strandNames.${s}`)).join(", ");
  const heading = (s: (typeof STRANDS)[number]) => {
    const p = modeOf.get(s);
    const how = p ? (p.mode === "ADVISORY" ? t("advisory") : t("weightPercent", { weight: p.weight })) : "";
    return how ? `${t(`strandNames.${s}`)} (${how})` : t(`strandNames.${s}`);
  };
  return (
    <section className="card" aria-labelledby="compare-strands-heading" data-testid="compare-strands">
      <h2 id="compare-strands-heading" className="text-lg font-semibold">{t("compareHeading", { stage: strands.stageName })}</h2>
      <p className="text-sm text-slate-700">{t("compareHint")}</p>
      <p className="mt-1 text-sm font-medium" data-testid="strands-agree">
        {strands.agreeOnTop === null ? t("agreeUnknown") : strands.agreeOnTop ? t("agree") : t("disagree")}
      </p>
      {/* Focusable, so a keyboard can scroll the table sideways at 320 px. */}
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="compare-strands-heading">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("compareHeading", { stage: strands.stageName })}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1.5 pr-2">{t("candidate")}</th>
              {shownStrands.map((s) => (
                <th key={s} scope="col" className="py-1.5 pr-2">{heading(s)}</th>
              ))}
              <th scope="col" className="py-1.5 pr-2">{t("pooledShort")}</th>
              <th scope="col" className="py-1.5 pr-2">{t("spreadShort")}</th>
              <th scope="col" className="py-1.5 pr-2">{t("preferredShort")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.candidateId} className="border-b border-slate-100" data-testid="strand-row">
                <th scope="row" className="py-1.5 pr-2 font-medium">{r.label}</th>
                {shownStrands.map((s) => (
                  <td key={s} className="py-1.5 pr-2">
                    {figure(r.strands!.scores[s])}
                    {r.strands!.scorecards[s] !== undefined && <span className="text-xs text-slate-600"> {words("strandN", { n: r.strands!.scorecards[s]! })}</span>}
                  </td>
                ))}
                <td className="py-1.5 pr-2">{figure(r.strands!.pooled)}</td>
                <td className="py-1.5 pr-2">{figure(r.strands!.spread)}</td>
                <td className="py-1.5 pr-2">{preferredOf(r.candidateId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
