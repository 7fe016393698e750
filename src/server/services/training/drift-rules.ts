// When a panelist's live ratings have drifted enough to suggest a refresher, from calibration's own figures:
// their leniency offset (calibration's leniencyOffsets over the same (candidate, competency) units) at or beyond
// the organisation's threshold, or ratings that use only one or two levels of the scale, in both cases on at
// least the organisation's minimum number of ratings. Pure; see drift-check.ts and drift-calibration.ts.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { formatterFor } from "@/i18n/format";
import { loadMessages } from "@/i18n/load-messages";
import type { DriftReason } from "@/lib/schemas/readiness";
import { driftWords } from "@/lib/training/drift-words";
import { offsetsFromSums, type RaterLeniencySums } from "@/lib/statistics/leniency";

export type DriftThresholds = { driftLeniencyThreshold: number; driftMinRatings: number };

/** A panelist's ratings by level, as calibration counts them. */
export type LevelCounts = { userId: string; one: number; two: number; three: number; four: number };

export type DriftMeasure = {
  reasons: DriftReason[];
  /** Calibration's leniency offset; null without a colleague's rating of the same candidate and competency. */
  leniencyOffset: number | null;
  comparisons: number;
  /** n: their ratings on the scale (not "not assessed"). */
  ratings: number;
  levelsUsed: number;
  /** The competencies a refresher aims at, most concerned first (at most three). */
  competencyIds: string[];
};

const MAX_COMPETENCIES = 3;
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Every panelist's drift measure. `sums` are calibration's leniency sums per rater and competency over its
 * (candidate, competency) units. A rounded offset is compared, so "+0.50" shown is flagged at 0.5.
 */
export function measureDrift(panelists: readonly LevelCounts[], sums: readonly RaterLeniencySums[], thresholds: DriftThresholds): Map<string, DriftMeasure> {
  const overall = offsetsFromSums(sums);
  // The same offsets within each competency, and how many units each rater scored there.
  const byCompetency = new Map<string, RaterLeniencySums[]>();
  for (const row of sums) byCompetency.set(row.competencyId, [...(byCompetency.get(row.competencyId) ?? []), row]);
  const perCompetency = [...byCompetency].map(([competencyId, rows]) => ({
    competencyId,
    offsets: offsetsFromSums(rows),
    counts: new Map(rows.map((row) => [row.rater, row.units])),
  }));

  const result = new Map<string, DriftMeasure>();
  for (const p of panelists) {
    const levels = [p.one, p.two, p.three, p.four];
    const ratings = levels.reduce((sum, n) => sum + n, 0);
    const levelsUsed = levels.filter((n) => n > 0).length;
    const offset = overall.get(p.userId);
    const leniencyOffset = offset?.offset ?? null;
    const enough = ratings >= thresholds.driftMinRatings;
    const reasons: DriftReason[] = [];
    const direction = leniencyOffset === null ? 0 : Math.sign(round2(leniencyOffset));
    if (enough && leniencyOffset !== null && Math.abs(round2(leniencyOffset)) >= thresholds.driftLeniencyThreshold) {
      reasons.push(direction > 0 ? "LENIENT" : "SEVERE");
    }
    if (enough && ratings > 0 && levelsUsed <= 2) reasons.push("NARROW_RANGE");

    let competencyIds: string[] = [];
    if (reasons.includes("LENIENT") || reasons.includes("SEVERE")) {
      // Where they lean the same way most; those beyond the threshold, else the two furthest that way.
      const leaning = perCompetency
        .map((c) => ({ id: c.competencyId, lean: direction * (c.offsets.get(p.userId)?.offset ?? 0) }))
        .filter((c) => c.lean > 0)
        .sort((a, b) => b.lean - a.lean || a.id.localeCompare(b.id));
      const beyond = leaning.filter((c) => round2(c.lean) >= thresholds.driftLeniencyThreshold);
      competencyIds = (beyond.length ? beyond : leaning.slice(0, 2)).map((c) => c.id);
    }
    if (reasons.includes("NARROW_RANGE") && competencyIds.length < MAX_COMPETENCIES) {
      // The competencies they rate most, where using the whole scale matters most.
      const mostRated = perCompetency
        .map((c) => ({ id: c.competencyId, count: c.counts.get(p.userId) ?? 0 }))
        .filter((c) => c.count > 0 && !competencyIds.includes(c.id))
        .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
      competencyIds = [...competencyIds, ...mostRated.map((c) => c.id)];
    }
    result.set(p.userId, {
      reasons,
      leniencyOffset,
      comparisons: offset?.comparisons ?? 0,
      ratings,
      levelsUsed,
      competencyIds: competencyIds.slice(0, MAX_COMPETENCIES),
    });
  }
  return result;
}

/** describeDrift in a reader's language (User.locale; English when unknown): the refresher email's findings. */
export function describeDriftIn(
  locale: string | null | undefined,
  m: Pick<DriftMeasure, "reasons" | "leniencyOffset" | "ratings" | "levelsUsed">,
  to: "them" | "you" = "them",
): string[] {
  const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: chosen, messages: loadMessages(chosen) as AbstractIntlMessages, namespace: "training" });
  const format = formatterFor(chosen);
  const say = t as unknown as (key: string, values: Record<string, string | number>) => string;
  return driftWords(m, to, say, (value) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
}

/**
 * One phrase per reason: "rates more leniently than colleagues on the same answers (+0.62 on 34 ratings)", or
 * addressed to the panelist ("you rate more leniently …").
 */
export function describeDrift(m: Pick<DriftMeasure, "reasons" | "leniencyOffset" | "ratings" | "levelsUsed">, to: "them" | "you" = "them"): string[] {
  const [rate, use] = to === "you" ? ["you rate", "you use"] : ["rates", "uses"];
  const n = `${m.ratings} rating${m.ratings === 1 ? "" : "s"}`;
  const signed = m.leniencyOffset === null ? "" : `${m.leniencyOffset > 0 ? "+" : "−"}${Math.abs(round2(m.leniencyOffset)).toFixed(2)}`;
  return m.reasons.map((reason) => {
    if (reason === "LENIENT") return `${rate} more leniently than colleagues on the same answers (${signed} on ${n})`;
    if (reason === "SEVERE") return `${rate} more strictly than colleagues on the same answers (${signed} on ${n})`;
    return `${use} only ${m.levelsUsed === 1 ? "one level" : "two levels"} of the scale (${n})`;
  });
}
