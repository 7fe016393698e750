// How the panel rates: per panelist their volume, mean, distribution, leniency against colleagues on the
// same candidates and how fast they submit; per competency how far panelists agree (Krippendorff's alpha,
// ordinal). Every member may look, but an interviewer sees only their own row and no per-competency
// agreement, and their overall agreement covers only panels they sat on.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import { krippendorffAlpha, readAlpha } from "@/lib/statistics/krippendorff-alpha";
import { leniencyOffsets } from "@/lib/statistics/leniency";
import { roleHas } from "@/server/auth/permissions";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { withheldFromPendingSeats } from "@/server/access/scorecard-visibility";
import { scopedScorecards } from "./insight-scope";
import { loadCompetencyNames } from "./script-weights";
import { alphaIntervals } from "@/lib/statistics/alpha-interval";
import { calibrationTraining, loadTrainingContext } from "@/server/services/training/drift-calibration";

export type CalibrationInput = { scriptId?: string; vacancyId?: string; from?: Date; to?: Date };

/** A scorecard submitted more than this long after the interview's planned end counts as late. */
const LATE_AFTER_HOURS = 24;

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
/** Leniency unit (candidate and competency): one panelist's mean score. */
const leniencyRowSchema = z.object({ rater: z.string(), unit: z.string(), score: z.number() });
/** Agreement unit (interview, question, competency): every panelist's score. */
const agreementUnitRowSchema = z.object({ competencyId: z.string(), scores: z.array(z.number().int()) });

export async function getCalibration(db: Db, actor: Actor, input: CalibrationInput) {
  requirePermission(actor, "org:read");
  const seesEveryone = roleHas(actor.role, "insights:read");
  const scoped = scopedScorecards(actor, input);
  // An interviewer's agreement figure covers only the panels they scored (they may see those scorecards).
  const unitScope = seesEveryone
    ? Prisma.sql`TRUE`
    : Prisma.sql`s."interviewId" IN (SELECT "interviewId" FROM scoped WHERE "panelistId" = ${actor.userId})`;
  const onlyViewer = seesEveryone ? Prisma.sql`TRUE` : Prisma.sql`cards."panelistId" = ${actor.userId}`;

  const [panelistRows, leniencyRows, unitRows, withheldCards, trainingContext] = await Promise.all([
    db.$queryRaw`
      ${scoped},
      cards AS (
        SELECT "panelistId", count(*)::int AS "scorecards",
          percentile_cont(0.5) WITHIN GROUP (ORDER BY hours)::float8 AS "medianHoursToSubmit",
          count(*) FILTER (WHERE hours > ${LATE_AFTER_HOURS})::int AS "submittedAfter24h"
        FROM (
          SELECT "panelistId",
            extract(epoch FROM ("submittedAt" - ("scheduledAt" + make_interval(mins => "plannedMinutes")))) / 3600.0 AS hours
          FROM scoped
        ) timed
        GROUP BY "panelistId"
      ),
      rated AS (
        SELECT s."panelistId",
          (sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::float8
            / nullif(sum(t."one" + t."two" + t."three" + t."four"), 0)) AS "meanRating",
          sum(t."one")::int AS "one",
          sum(t."two")::int AS "two",
          sum(t."three")::int AS "three",
          sum(t."four")::int AS "four",
          sum(t."notAssessed")::int AS "notAssessed"
        FROM scoped s JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = s."scorecardId"
        GROUP BY s."panelistId"
      )
      SELECT cards."panelistId" AS "userId", u."name", cards."scorecards", cards."medianHoursToSubmit",
        cards."submittedAfter24h", rated."meanRating",
        coalesce(rated."one", 0) AS "one", coalesce(rated."two", 0) AS "two",
        coalesce(rated."three", 0) AS "three", coalesce(rated."four", 0) AS "four",
        coalesce(rated."notAssessed", 0) AS "notAssessed"
      FROM cards
      JOIN "User" u ON u."id" = cards."panelistId"
      LEFT JOIN rated ON rated."panelistId" = cards."panelistId"
      WHERE ${onlyViewer}
      ORDER BY u."name", cards."panelistId"`.then((rows) => checkedRows(panelistRowSchema, rows)),
    // Leniency units: (candidate, competency), each panelist's mean over the questions rating it. This and
    // the panelist figures read the per-scorecard tallies; agreement needs every single rating.
    db.$queryRaw`
      ${scoped}
      SELECT s."panelistId" AS "rater", s."candidateId" || '|' || t."competencyId" AS "unit",
        sum(t."one" + 2 * t."two" + 3 * t."three" + 4 * t."four")::float8 / sum(t."one" + t."two" + t."three" + t."four") AS "score"
      FROM scoped s JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = s."scorecardId"
      GROUP BY s."panelistId", s."candidateId", t."competencyId"
      HAVING sum(t."one" + t."two" + t."three" + t."four") > 0`.then((rows) => checkedRows(leniencyRowSchema, rows)),
    // Agreement units: (interview, question, competency), one score per panelist.
    db.$queryRaw`
      ${scoped}
      SELECT r."competencyId", array_agg(r."score") AS "scores"
      FROM scoped s JOIN "Rating" r ON r."scorecardId" = s."scorecardId"
      WHERE r."score" IS NOT NULL AND ${unitScope}
      GROUP BY s."interviewId", r."itemId", r."competencyId"`.then((rows) => checkedRows(agreementUnitRowSchema, rows)),
    withheldFromPendingSeats(db, actor),
    loadTrainingContext(db, actor),
  ]);
  const withheld = { scorecards: withheldCards.scorecards, reason: withheldCards.reason };

  const offsets = leniencyOffsets(leniencyRows);
  // Beside live leniency: drift by the organisation's thresholds, practice accuracy, the last refresher.
  const training = await calibrationTraining(db, actor, trainingContext, panelistRows, leniencyRows);
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

  const overallUnits = unitRows.map((u) => u.scores);
  const overallResult = krippendorffAlpha(overallUnits, "ordinal");
  const overall = {
    alpha: overallResult.alpha,
    ...readAlpha(overallResult),
    pairableValues: overallResult.pairableValues,
  };

  // How sure each alpha is: bootstrap intervals sharing one budget of resampling work for the page.
  if (!seesEveryone) return { panelists, competencies: [], overall: { ...overall, interval: alphaIntervals([overallUnits])[0]! }, withheld };

  const unitsByCompetency = new Map<string, number[][]>();
  for (const unit of unitRows) {
    const list = unitsByCompetency.get(unit.competencyId) ?? [];
    list.push(unit.scores);
    unitsByCompetency.set(unit.competencyId, list);
  }
  const names = await loadCompetencyNames(db, [...unitsByCompetency.keys()]);
  const [overallInterval, ...competencyIntervals] = alphaIntervals([overallUnits, ...unitsByCompetency.values()]);
  const competencies = [...unitsByCompetency]
    .map(([id, units], index) => {
      const result = krippendorffAlpha(units, "ordinal");
      return {
        id,
        name: names.get(id)?.name ?? "Unknown competency",
        sortOrder: names.get(id)?.sortOrder ?? 0,
        alpha: result.alpha,
        ...readAlpha(result),
        pairableValues: result.pairableValues,
        ratings: units.reduce((sum, u) => sum + u.length, 0),
        interval: competencyIntervals[index]!,
      };
    })
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
    .map(({ sortOrder: _sortOrder, ...c }) => c);

  return { panelists, competencies, overall: { ...overall, interval: overallInterval! }, withheld };
}

export type Calibration = Awaited<ReturnType<typeof getCalibration>>;
