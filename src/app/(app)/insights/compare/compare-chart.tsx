"use client";
// Grouped bars: one group per competency, one bar per candidate (the first six rows of the table, in the
// table's order). The chart is a picture of the table above it, so assistive technology gets it as one
// image with a description and reads the numbers from the table.
import { useFormatter, useTranslations } from "next-intl";
import { memo, useCallback, useMemo, type ReactNode } from "react";
import { meanAt } from "@/lib/insights/comparison-cells";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMean, type CompareResult, type CompareRow } from "../_components/insights-format";

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

// Recharts keeps chart settings in its own store and re-renders when a prop's identity changes, so every
// object and function handed to it is defined once here rather than inline.
const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
const DOMAIN: [number, number] = [0, 4];
const TICKS = [1, 2, 3, 4];
const TICK_STYLE = { fontSize: 12 };
const formatLegend = (value: unknown): ReactNode => <span style={{ color: "#1e293b" }}>{String(value)}</span>;

type Props = { competencies: CompareResult["competencies"]; rows: CompareRow[] };

export const CompareChart = memo(function CompareChart({ competencies, rows }: Props) {
  const t = useTranslations("insights.compare");
  const format = useFormatter();
  // One function per language, so the chart keeps its settings between renders.
  const formatTooltip = useCallback((value: unknown): string => (typeof value === "number" ? formatMean(value, format) : "–"), [format]);
  const data = useMemo(
    () =>
      competencies.map((c, column) => {
        const point: Record<string, string | number | null> = { competency: c.name };
        rows.forEach((row, i) => {
          point[`c${i}`] = meanAt(row, column);
        });
        return point;
      }),
    [competencies, rows],
  );
  if (rows.length === 0 || competencies.length === 0) return null;
  const height = Math.max(260, competencies.length * (rows.length * 12 + 28) + 80);
  // Names and figures only: the sentence around them is the message's.
  const description = t("chartDescription", {
    candidates: rows.map((r) => r.label).join(", "),
    figures: competencies
      .map((c, column) => `${c.name}: ${rows.map((r) => `${r.label} ${formatMean(meanAt(r, column), format)}`).join(", ")}`)
      .join("; "),
  });

  return (
    <figure className="card break-inside-avoid">
      <figcaption className="text-lg font-semibold">{t("chartHeading")}</figcaption>
      <p className="mt-1 text-sm text-slate-700">
        {rows.length === 1 ? t("chartOne") : t("chartMany", { count: rows.length })}
      </p>
      <div role="img" aria-label={description} className="mt-3" data-testid="comparison-chart">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart layout="vertical" data={data} accessibilityLayer={false} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={DOMAIN} ticks={TICKS} allowDecimals={false} />
            <YAxis type="category" dataKey="competency" width={170} tick={TICK_STYLE} />
            <Tooltip formatter={formatTooltip} />
            <Legend formatter={formatLegend} />
            {rows.map((row, i) => (
              <Bar key={row.candidateId} dataKey={`c${i}`} name={row.label} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
