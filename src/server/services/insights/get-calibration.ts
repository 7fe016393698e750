// How the panel rates: per panelist their volume, mean, distribution, leniency against colleagues on the
// same candidates and how fast they submit; per competency how far panelists agree (Krippendorff's alpha,
// ordinal). Every member may look, but an interviewer sees only their own row and no per-competency
// agreement, and their overall agreement covers only panels they sat on.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { krippendorffAlphaFromCounts, readAlpha, type LevelCountPattern } from "@/lib/statistics/krippendorff-alpha";
import { offsetsFromSums } from "@/lib/statistics/leniency";
import { roleHas } from "@/server/auth/permissions";
import { queryRows, type Db } from "@/server/db";
import { replicaDb } from "@/server/db-replica";
import { requirePermission, type Actor } from "@/server/services/actor";
import { withheldFromPendingSeats } from "@/server/access/scorecard-visibility";
import { loadVisibleCompetencyNames } from "./script-weights";
import type { CountedUnits } from "@/lib/statistics/alpha-interval";
import { cachedAlphaIntervals } from "./_shared/cached-alpha-intervals";
import { calibrationTraining, loadTrainingContext } from "@/server/services/training/drift-calibration";
import { calibrationQueries, dependsOnOwnership, ownsMostCandidates } from "./_shared/calibration-queries";

export type CalibrationInput = { scriptId?: string; vacancyId?: string; from?: Date; to?: Date };

const panelistRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  scorecards: z.number().int(),
  meanRating: z.number().nullable(),
  one: z.number().int(),
  two: z.number().int(),
  three: z.number().int(),
  four: z.number().int(),
  notAssessed: z.number().int(),
  medianHoursToSubmit: z.number().nullable(),
  submittedAfter24h: z.number().int(),
});
/** Leniency sums of one panelist in one competency over its (candidate, competency) units. */
const leniencyRowSchema = z.object({
  panelistId: z.string(),
  competencyId: z.string(),
  termSum: z.number(),
  comparisons: z.number().int(),
  units: z.number().int(),
});
/** Agreement units (interview, question, competency) alike: how many ratings of each level, and how many such units. */
const patternRowSchema = z.object({
  competencyId: z.string(),
  one: z.number().int(),
  two: z.number().int(),
  three: z.number().int(),
  four: z.number().int(),
  units: z.number().int(),
});
type PatternRow = z.infer<typeof patternRowSchema>;
const ownsMostRowSchema = z.object({ ownsMost: z.boolean() });

/** Patterns as alpha's reliability data: each pattern one unit of its ratings, counted as often as it occurs. */
function countedUnits(rows: readonly PatternRow[]): CountedUnits {
  return {
    units: rows.map((r) => [...Array<number>(r.one).fill(1), ...Array<number>(r.two).fill(2), ...Array<number>(r.three).fill(3), ...Array<number>(r.four).fill(4)]),
    counts: rows.map((r) => r.units),
  };
}

const LEVELS = [1, 2, 3, 4];
const levelCounts = (rows: readonly PatternRow[]): LevelCountPattern[] => rows.map((r) => ({ counts: [r.one, r.two, r.three, r.four], units: r.units }));
/** The patterns as the interval cache's key: each set's level counts and multiplicities, in order. */
const patternsKey = (sets: ReadonlyArray<readonly PatternRow[]>) => sets.map((rows) => rows.map((r) => `${r.one}.${r.two}.${r.three}.${r.four}x${r.units}`).join(",")).join("|");

export async function getCalibration(primary: Db, actor: Actor, input: CalibrationInput) {
  requirePermission(actor, "org:read");
  // Figures over the whole panel may lag a write by the replica's delay (DATABASE_REPLICA_URL; unset: the primary).
  const db = replicaDb(primary);
  const seesEveryone = roleHas(actor.role, "insights:read");
  // A hiring manager who owns most of the organisation reads its totals less what they may not see.
  const ownsMost = dependsOnOwnership(actor, input)
    ? checkedRows(ownsMostRowSchema, await queryRows(db, ownsMostCandidates(actor)))[0]?.ownsMost === true
    : false;
  const queries = calibrationQueries(actor, input, seesEveryone, ownsMost);

  // Everything at once: the page waits for its slowest aggregate and nothing after it.
  const [panelistRows, leniencyRows, patternRows, withheldCards, trainingContext, names] = await Promise.all([
    queryRows(db, queries.panelists).then((rows) => checkedRows(panelistRowSchema, rows)),
    queryRows(db, queries.leniency).then((rows) => checkedRows(leniencyRowSchema, rows)),
    queryRows(db, queries.patterns).then((rows) => checkedRows(patternRowSchema, rows)),
    withheldFromPendingSeats(db, actor),
    loadTrainingContext(db, actor),
    loadVisibleCompetencyNames(db, actor.orgId),
  ]);
  const withheld = { scorecards: withheldCards.scorecards, reason: withheldCards.reason };

  const leniency = leniencyRows.map((r) => ({ rater: r.panelistId, competencyId: r.competencyId, termSum: r.termSum, comparisons: r.comparisons, units: r.units }));
  const offsets = offsetsFromSums(leniency);
  // Beside live leniency: drift by the organisation's thresholds, practice accuracy, the last refresher.
  const training = calibrationTraining(actor, trainingContext, panelistRows, leniency, names);
  const panelists = panelistRows.map((p) => {
    const offset = offsets.get(p.userId);
    return {
      userId: p.userId,
      name: p.name,
      scorecards: p.scorecards,
      meanRating: p.meanRating,
      leniencyOffset: offset?.offset ?? null,
      offsetComparisons: offset?.comparisons ?? 0,
      distribution: { "1": p.one, "2": p.two, "3": p.three, "4": p.four, notAssessed: p.notAssessed },
      medianHoursToSubmit: p.medianHoursToSubmit,
      submittedAfter24h: p.submittedAfter24h,
      training: training.get(p.userId)!,
    };
  });

  // Alpha straight from the level counts; the units are written out only for a bootstrap the cache has not kept.
  const overallResult = krippendorffAlphaFromCounts(LEVELS, levelCounts(patternRows), "ordinal");
  const overall = {
    alpha: overallResult.alpha,
    ...readAlpha(overallResult),
    pairableValues: overallResult.pairableValues,
  };

  // How sure each alpha is: bootstrap intervals sharing one budget of resampling work for the page.
  const intervalsOf = (sets: ReadonlyArray<readonly PatternRow[]>) => cachedAlphaIntervals(patternsKey(sets), () => sets.map(countedUnits));
  if (!seesEveryone) return { panelists, competencies: [], overall: { ...overall, interval: intervalsOf([patternRows])[0]! }, withheld };

  const patternsByCompetency = new Map<string, PatternRow[]>();
  for (const row of patternRows) {
    const rows = patternsByCompetency.get(row.competencyId);
    if (rows) rows.push(row);
    else patternsByCompetency.set(row.competencyId, [row]);
  }
  const [overallInterval, ...competencyIntervals] = intervalsOf([patternRows, ...patternsByCompetency.values()]);
  const competencies = [...patternsByCompetency]
    .map(([id, rows], index) => {
      const result = krippendorffAlphaFromCounts(LEVELS, levelCounts(rows), "ordinal");
      return {
        id,
        name: names.get(id)?.name ?? "Unknown competency",
        sortOrder: names.get(id)?.sortOrder ?? 0,
        alpha: result.alpha,
        ...readAlpha(result),
        pairableValues: result.pairableValues,
        ratings: rows.reduce((sum, r) => sum + (r.one + r.two + r.three + r.four) * r.units, 0),
        interval: competencyIntervals[index]!,
      };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
    .map(({ sortOrder: _sortOrder, ...c }) => c);

  return { panelists, competencies, overall: { ...overall, interval: overallInterval! }, withheld };
}

export type Calibration = Awaited<ReturnType<typeof getCalibration>>;
