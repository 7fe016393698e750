// The three statements behind the calibration page, each answering a few hundred rows at most however many
// ratings the organisation holds: the panelists' figures, leniency sums per panelist and competency, and the
// agreement units counted by pattern (competency and how many ratings of each level). They read the
// aggregates that the calibration_aggregates migration keeps in the writing transaction.
//
// From the totals (admins and HR without filters, and a hiring manager who owns most of the organisation's
// candidates): the organisation's totals, minus what the stored rows of the candidates the reader may not see
// whole contributed (those on whose panel the reader holds a pending seat: the independence rule; for a
// hiring manager also those outside their vacancies and scripts), plus those candidates' figures recomputed
// from the scorecards the reader may see. Anything else (a script, a vacancy, dates, a hiring manager owning
// few candidates, an interviewer) is grouped from the scorecards in scope through the same visibility rule,
// with the agreement units read per interview.
import { Prisma } from "@/generated/prisma/client";
import { candidateInScope, offPanelScope } from "@/server/access/scorecard-visibility";
import type { Actor } from "@/server/services/actor";
import { candidatesWithPendingSeats, scopedScorecards } from "../insight-scope";

export type CalibrationFilters = { scriptId?: string; vacancyId?: string; from?: Date; to?: Date };

/** A scorecard submitted more than this long after the interview's planned end counts as late. */
export const LATE_AFTER_HOURS = 24;

const unfiltered = (filters: CalibrationFilters) =>
  filters.scriptId === undefined && filters.vacancyId === undefined && filters.from === undefined && filters.to === undefined;

/**
 * Whether the organisation's totals serve this reading: always for admins and HR without filters; for a
 * hiring manager without filters, when `ownsMost` (see ownsMostCandidates); never with filters.
 */
export function readsOrganisationTotals(actor: Actor, filters: CalibrationFilters, ownsMost = false): boolean {
  if (!unfiltered(filters)) return false;
  const scope = offPanelScope(actor.role);
  return scope === "organisation" || (scope === "own-vacancies" && ownsMost);
}

/** Whether the reading depends on ownsMostCandidates: a hiring manager's, without filters. */
export function dependsOnOwnership(actor: Actor, filters: CalibrationFilters): boolean {
  return offPanelScope(actor.role) === "own-vacancies" && unfiltered(filters);
}

/**
 * For a hiring manager without filters: whether the candidates in their scope hold most of the organisation's
 * submitted scorecards (one pass over them), so subtracting the others from the totals reads less than
 * grouping their own.
 */
export function ownsMostCandidates(actor: Actor): Prisma.Sql {
  return Prisma.sql`SELECT coalesce(2 * count(*) FILTER (WHERE ${candidateInScope(actor, Prisma.raw(`cs."candidateId"`))}) > count(*), FALSE) AS "ownsMost"
    FROM "CalibrationSubmission" cs WHERE cs."orgId" = ${actor.orgId}`;
}

/** Candidates with calibration rows that the reader may not see whole: a pending seat, or outside their scope. */
function partlyVisibleCandidates(actor: Actor): Prisma.Sql {
  if (offPanelScope(actor.role) === "organisation") return candidatesWithPendingSeats(actor);
  return Prisma.sql`${candidatesWithPendingSeats(actor)}
    UNION SELECT cs."candidateId" FROM "CalibrationSubmission" cs
    WHERE cs."orgId" = ${actor.orgId} AND NOT (${candidateInScope(actor, Prisma.raw(`cs."candidateId"`))})`;
}

const levelSum = (t: string) => Prisma.raw(`(${t}."one" + 2 * ${t}."two" + 3 * ${t}."three" + 4 * ${t}."four")`);
const levelCount = (t: string) => Prisma.raw(`(${t}."one" + ${t}."two" + ${t}."three" + ${t}."four")`);

/**
 * Leniency sums over the scorecards of `scoped`: per panelist and (candidate, competency) unit their mean,
 * then per panelist and competency the sum of (their mean − the others' mean), the units compared and all units.
 */
const scopedLeniencySums = Prisma.sql`
  SELECT lu."panelistId", lu."competencyId",
    coalesce(sum(lu."score" - (lu."unitSum" - lu."score") / (lu."raters" - 1)) FILTER (WHERE lu."raters" > 1), 0)::float8 AS "termSum",
    (count(*) FILTER (WHERE lu."raters" > 1))::int AS "comparisons", count(*)::int AS "units"
  FROM (
    SELECT lx.*, sum(lx."score") OVER w AS "unitSum", count(*) OVER w AS "raters"
    FROM (
      SELECT s."panelistId", s."candidateId", t."competencyId", sum(${levelSum("t")})::float8 / sum(${levelCount("t")}) AS "score"
      FROM scoped s JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = s."scorecardId"
      GROUP BY s."panelistId", s."candidateId", t."competencyId"
      HAVING sum(${levelCount("t")}) > 0
    ) lx
    WINDOW w AS (PARTITION BY lx."candidateId", lx."competencyId")
  ) lu
  GROUP BY lu."panelistId", lu."competencyId"`;

/** Ratings by level per panelist over the scorecards of `scoped`. */
const scopedLevels = Prisma.sql`
  SELECT s."panelistId", sum(t."one")::int AS "one", sum(t."two")::int AS "two", sum(t."three")::int AS "three",
    sum(t."four")::int AS "four", sum(t."notAssessed")::int AS "notAssessed"
  FROM scoped s JOIN "ScorecardCompetencyTally" t ON t."scorecardId" = s."scorecardId"
  GROUP BY s."panelistId"`;

/** The panelists' rows from `cards` (panelistId, scorecards, medianHoursToSubmit, submittedAfter24h) and `levels`. */
function panelistRows(onlyViewer: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT cards."panelistId" AS "userId", u."name", cards."scorecards", cards."medianHoursToSubmit", cards."submittedAfter24h",
      ${levelSum("levels")}::float8 / nullif(${levelCount("levels")}, 0) AS "meanRating",
      coalesce(levels."one", 0) AS "one", coalesce(levels."two", 0) AS "two", coalesce(levels."three", 0) AS "three",
      coalesce(levels."four", 0) AS "four", coalesce(levels."notAssessed", 0) AS "notAssessed"
    FROM cards
    JOIN "User" u ON u."id" = cards."panelistId"
    LEFT JOIN levels ON levels."panelistId" = cards."panelistId"
    WHERE ${onlyViewer}
    ORDER BY u."name", cards."panelistId"`;
}

const cardFigures = (hours: Prisma.Sql) => Prisma.sql`count(*)::int AS "scorecards",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours})::float8 AS "medianHoursToSubmit",
  (count(*) FILTER (WHERE ${hours} > ${LATE_AFTER_HOURS}))::int AS "submittedAfter24h"`;

export type CalibrationQueries = { panelists: Prisma.Sql; leniency: Prisma.Sql; patterns: Prisma.Sql };

/** The calibration's statements for the reader and filters; exported for the benchmark's SQL floor. */
export function calibrationQueries(actor: Actor, filters: CalibrationFilters, seesEveryone: boolean, ownsMost = false): CalibrationQueries {
  return readsOrganisationTotals(actor, filters, ownsMost) ? organisationQueries(actor) : scopedQueries(actor, filters, seesEveryone);
}

const hoursToSubmit = Prisma.raw(`(extract(epoch FROM ("submittedAt" - ("scheduledAt" + make_interval(mins => "plannedMinutes")))) / 3600.0)::float8`);

/**
 * A panelist's median hours to submit without reading every scorecard: the one or two middle values of
 * their timed scorecards, reached through the index on (orgId, panelistId, hours).
 */
const medianByIndex = Prisma.sql`SELECT avg(mid."hours")::float8 FROM (
  SELECT cs."hours" FROM "CalibrationSubmission" cs
  WHERE cs."orgId" = pt."orgId" AND cs."panelistId" = pt."panelistId" AND cs."hours" IS NOT NULL
  ORDER BY cs."hours" OFFSET (pt."timed" - 1) / 2 LIMIT 2 - pt."timed" % 2) mid`;

function organisationQueries(actor: Actor): CalibrationQueries {
  // Only the candidates the reader may not see whole are recomputed (for HR usually none).
  const partly = partlyVisibleCandidates(actor);
  const pending = scopedScorecards(actor, {}, { candidateWhere: Prisma.sql`c."id" IN (${partly})` });
  const pendingCandidates = partly;
  const org = actor.orgId;
  return {
    panelists: Prisma.sql`
      ${pending},
      removed AS (
        SELECT cs."panelistId", count(*)::int AS "scorecards", (count(*) FILTER (WHERE cs."hours" > ${LATE_AFTER_HOURS}))::int AS "late"
        FROM "CalibrationSubmission" cs
        WHERE cs."orgId" = ${org} AND cs."candidateId" IN (${pendingCandidates})
        GROUP BY cs."panelistId"
      ),
      added AS (
        SELECT "panelistId", count(*)::int AS "scorecards", (count(*) FILTER (WHERE ${hoursToSubmit} > ${LATE_AFTER_HOURS}))::int AS "late"
        FROM scoped GROUP BY "panelistId"
      ),
      cards AS (
        SELECT pt."panelistId", pt."scorecards" - coalesce(r."scorecards", 0) + coalesce(a."scorecards", 0) AS "scorecards",
          pt."late" - coalesce(r."late", 0) + coalesce(a."late", 0) AS "submittedAfter24h",
          CASE WHEN r."panelistId" IS NULL AND a."panelistId" IS NULL THEN (${medianByIndex})
            ELSE (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x."hours")::float8 FROM (
              SELECT cs."hours" FROM "CalibrationSubmission" cs
              WHERE cs."orgId" = pt."orgId" AND cs."panelistId" = pt."panelistId" AND cs."candidateId" NOT IN (${pendingCandidates})
              UNION ALL
              SELECT ${hoursToSubmit} FROM scoped WHERE scoped."panelistId" = pt."panelistId") x)
          END AS "medianHoursToSubmit"
        FROM "CalibrationPanelistTotal" pt
        LEFT JOIN removed r ON r."panelistId" = pt."panelistId"
        LEFT JOIN added a ON a."panelistId" = pt."panelistId"
        WHERE pt."orgId" = ${org} AND pt."scorecards" - coalesce(r."scorecards", 0) + coalesce(a."scorecards", 0) > 0
      ),
      levels AS (
        SELECT x."panelistId", sum(x."one")::int AS "one", sum(x."two")::int AS "two", sum(x."three")::int AS "three",
          sum(x."four")::int AS "four", sum(x."notAssessed")::int AS "notAssessed"
        FROM (
          SELECT rt."panelistId", rt."one", rt."two", rt."three", rt."four", rt."notAssessed"
          FROM "CalibrationRaterTotal" rt WHERE rt."orgId" = ${org}
          UNION ALL
          SELECT rs."panelistId", -rs."one", -rs."two", -rs."three", -rs."four", -rs."notAssessed"
          FROM "CalibrationRaterScore" rs WHERE rs."candidateId" IN (${pendingCandidates})
          UNION ALL (${scopedLevels})
        ) x
        GROUP BY x."panelistId"
      )
      ${panelistRows(Prisma.sql`TRUE`)}`,
    leniency: Prisma.sql`
      ${pending}
      SELECT x."panelistId", x."competencyId", sum(x."termSum")::float8 AS "termSum",
        sum(x."comparisons")::int AS "comparisons", sum(x."units")::int AS "units"
      FROM (
        SELECT rt."panelistId", rt."competencyId", rt."termSum", rt."comparisons", rt."units"
        FROM "CalibrationRaterTotal" rt WHERE rt."orgId" = ${org}
        UNION ALL
        SELECT rs."panelistId", rs."competencyId", -coalesce(rs."term", 0), -(rs."term" IS NOT NULL)::int, -(${levelCount("rs")} > 0)::int
        FROM "CalibrationRaterScore" rs WHERE rs."candidateId" IN (${pendingCandidates})
        UNION ALL (${scopedLeniencySums})
      ) x
      GROUP BY x."panelistId", x."competencyId"
      HAVING sum(x."units") > 0`,
    patterns: Prisma.sql`
      ${pending}
      SELECT x."competencyId", x."one", x."two", x."three", x."four", sum(x."units")::int AS "units"
      FROM (
        SELECT pt."competencyId", pt."one", pt."two", pt."three", pt."four", pt."units"
        FROM "CalibrationPatternTotal" pt WHERE pt."orgId" = ${org} AND pt."units" <> 0
        UNION ALL
        SELECT cu."competencyId", cu."one", cu."two", cu."three", cu."four", -1
        FROM "CalibrationUnit" cu WHERE cu."candidateId" IN (${pendingCandidates})
        UNION ALL
        SELECT cu."competencyId", cu."one", cu."two", cu."three", cu."four", 1
        FROM "CalibrationUnit" cu WHERE cu."interviewId" IN (SELECT "interviewId" FROM scoped)
      ) x
      GROUP BY x."competencyId", x."one", x."two", x."three", x."four"
      HAVING sum(x."units") > 0`,
  };
}

function scopedQueries(actor: Actor, filters: CalibrationFilters, seesEveryone: boolean): CalibrationQueries {
  const scoped = scopedScorecards(actor, filters);
  // An interviewer's agreement figure covers only the panels they scored (they may see those scorecards).
  const unitScope = seesEveryone ? Prisma.sql`TRUE` : Prisma.sql`"panelistId" = ${actor.userId}`;
  const onlyViewer = seesEveryone ? Prisma.sql`TRUE` : Prisma.sql`cards."panelistId" = ${actor.userId}`;
  return {
    panelists: Prisma.sql`
      ${scoped},
      cards AS (SELECT "panelistId", ${cardFigures(hoursToSubmit)} FROM scoped GROUP BY "panelistId"),
      levels AS (${scopedLevels})
      ${panelistRows(onlyViewer)}`,
    leniency: Prisma.sql`${scoped} ${scopedLeniencySums}`,
    // Visibility is decided per interview for submitted scorecards, so an interview in scope brings its whole units.
    patterns: Prisma.sql`
      ${scoped}
      SELECT cu."competencyId", cu."one", cu."two", cu."three", cu."four", count(*)::int AS "units"
      FROM "CalibrationUnit" cu
      WHERE cu."interviewId" IN (SELECT "interviewId" FROM scoped WHERE ${unitScope})
      GROUP BY cu."competencyId", cu."one", cu."two", cu."three", cu."four"`,
  };
}
