// Shared wording and number formats for the insights pages, and the URL filters they share with the
// CSV export routes (the same names, so a page's query string is also the export's query string).
import { RECOMMENDATION_LEVELS, type RecommendationValue } from "@/lib/recommendations";
import type { Comparison, ComparisonRow } from "@/lib/insights/comparison-wire";
import type { RouterOutputs } from "@/trpc/types";
import { candidateStatusSchema } from "@/lib/schemas/common";
import type { Formatter } from "@/i18n/format";

/** The comparison as the page shows it: the tRPC answer read with expandComparison. */
export type CompareResult = Comparison;
export type CompareRow = ComparisonRow;
export type CandidateSummary = RouterOutputs["insights"]["candidateSummary"];
export type Calibration = RouterOutputs["insights"]["calibration"];
export type DecisionInsights = RouterOutputs["insights"]["decisions"];

/** Recommendations as the insights pages list them: the strongest yes first. */
export const RECOMMENDATIONS: ReadonlyArray<{ key: RecommendationKey; label: string }> = [...RECOMMENDATION_LEVELS]
  .reverse()
  .map((r) => ({ key: r.value, label: r.label }));
export type RecommendationKey = RecommendationValue;

/** In the database enum's order. */
export const CANDIDATE_STATUSES = candidateStatusSchema.options;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** next-intl's formatter (getFormatter() on a page, useFormatter() in a client component): the reader's language. */
export type NumberFormatter = Pick<Formatter, "number">;

/** `value` with exactly `digits` decimals in the reader's language: 2.58 in English (as toFixed wrote it), 2,58 in Spanish. */
export function fixed(value: number, digits: number, format: NumberFormatter): string {
  return format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A mean on the 1–4 scale, to one decimal; an en dash when nothing was rated. */
export function formatMean(mean: number | null | undefined, format: NumberFormatter, digits = 1): string {
  return mean == null || Number.isNaN(mean) ? "–" : fixed(mean, digits, format);
}

/** A competency weight as a percentage. Weights are stored as whole percentages (they add up to 100). */
export function formatWeight(weight: number | null | undefined, format: NumberFormatter): string | null {
  if (weight == null) return null;
  return `${Number.isInteger(weight) ? weight : fixed(weight, 1, format)}%`;
}

/** A signed number with a real minus sign: +0.42, −0.31 (+0,42 in Spanish). */
export function formatSigned(value: number, format: NumberFormatter, digits = 2): string {
  const rounded = Number(Math.abs(value).toFixed(digits));
  if (rounded === 0) return fixed(0, digits, format);
  return `${value > 0 ? "+" : "−"}${fixed(Math.abs(value), digits, format)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2 strong yes · 1 no", or "none" when no scorecard has a recommendation. */
export function recommendationTally(tally: Partial<Record<RecommendationKey, number>>): string {
  const parts = RECOMMENDATIONS.filter((r) => (tally[r.key] ?? 0) > 0).map((r) => `${tally[r.key]} ${r.label.toLowerCase()}`);
  return parts.length ? parts.join(" · ") : "none";
}

// --- filters in the URL --------------------------------------------------------------------------

/** The filter names used in the page URL and, unchanged, in the export URLs (vacancy and stage are ids). */
export const FILTER_KEYS = ["vacancy", "stage", "scriptId", "status", "from", "to", "interviewerId"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

type ParamsLike = { get(name: string): string | null };

/** The start of a YYYY-MM-DD day in the reader's time zone, or undefined. */
export function startOfDay(value: string | null): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The start of the day after a YYYY-MM-DD day in the reader's time zone (the server's `to` is exclusive), or undefined. */
export function endOfDay(value: string | null): Date | undefined {
  const start = startOfDay(value);
  if (!start) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next;
}

export function isBlind(params: ParamsLike): boolean {
  return params.get("blind") === "1";
}

export function candidateIdsFrom(params: ParamsLike): string[] {
  return (params.get("candidateIds") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The compare() input for the filters in the URL (without the candidate selection). */
export function compareFiltersFrom(params: ParamsLike) {
  const status = params.get("status");
  return {
    vacancyId: params.get("vacancy") || undefined,
    stageId: params.get("stage") || undefined,
    scriptId: params.get("scriptId") || undefined,
    status: (CANDIDATE_STATUSES as readonly string[]).includes(status ?? "") ? (status as CandidateStatus) : undefined,
    from: startOfDay(params.get("from")),
    to: endOfDay(params.get("to")),
    interviewerId: params.get("interviewerId") || undefined,
    blind: isBlind(params),
  };
}

/**
 * The query string of an export link: the page's filters, the rows shown (candidateIds, in the order shown),
 * the table's sort (sort = a competency id or label/status/outcome/weightedScore/recommendations/scorecards, dir =
 * asc|desc) and the blind flag.
 */
export function exportQuery(params: ParamsLike, candidateIds: string[], sort: { key: string; dir: "asc" | "desc" } | null): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    // Dates go out as instants so the export covers the same days as the page (the reader's time zone).
    if (key === "from") query.set(key, startOfDay(value)?.toISOString() ?? value);
    else if (key === "to") query.set(key, endOfDay(value)?.toISOString() ?? value);
    else query.set(key, value);
  }
  if (candidateIds.length) query.set("candidateIds", candidateIds.join(","));
  if (sort) {
    query.set("sort", sort.key);
    query.set("dir", sort.dir);
  }
  if (isBlind(params)) query.set("blind", "1");
  return query.toString();
}
