// Which submitted scorecards an insights figure is computed from. Every insights query selects from the
// `scoped` CTE built here, which applies the visibility rule of @/server/access/scorecard-visibility (drafts,
// independence, the role's scope) and "only submitted scorecards". Aliases: sc Scorecard, i Interview, c Candidate, v ScriptVersion, s InterviewScript.
import { Prisma } from "@/generated/prisma/client";
import type { CandidateStatus } from "@/generated/prisma/enums";
import { candidateInScope, pendingSeatInterviews, scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import type { Actor } from "@/server/services/actor";

export type InsightFilters = {
  vacancyId?: string;
  /** Only scorecards of interviews at this stage of the plan (so only candidates interviewed there). */
  stageId?: string;
  scriptId?: string;
  candidateIds?: string[];
  status?: CandidateStatus;
  /** Interview date, inclusive. */
  from?: Date;
  /** Interview date, exclusive. */
  to?: Date;
  /** Only scorecards written by this panelist. */
  interviewerId?: string;
};

/**
 * Whether the candidate c is within the actor's scope (admins and HR: the organisation; a hiring manager: the
 * candidates of the vacancies they manage and those interviewed with a script they created). The rule lives
 * with the scorecard rule in @/server/access/scorecard-visibility.
 */
export function candidateVisibility(actor: Actor, candidateAlias = Prisma.raw("c")): Prisma.Sql {
  return candidateInScope(actor, Prisma.sql`${candidateAlias}."id"`);
}

/** Candidates with a scorecard withheld from the actor: on a panel of theirs the actor has not submitted. */
export function candidatesWithPendingSeats(actor: Actor): Prisma.Sql {
  return Prisma.sql`SELECT pi."candidateId" FROM "Interview" pi WHERE pi."orgId" = ${actor.orgId}
    AND pi."id" IN (${pendingSeatInterviews(actor)})`;
}

/** Filters that select whole candidates; with no others, a candidate's figures are its CandidateInsight row. */
export function hasOnlyCandidateFilters(filters: InsightFilters): boolean {
  return (
    filters.scriptId === undefined &&
    filters.stageId === undefined &&
    filters.from === undefined &&
    filters.to === undefined &&
    filters.interviewerId === undefined
  );
}

/** The WHERE conditions over the candidate c alone: organisation, the actor's visibility, candidate filters. */
export function candidateConditions(actor: Actor, filters: InsightFilters): Prisma.Sql {
  const conditions = [Prisma.sql`c."orgId" = ${actor.orgId}`, candidateVisibility(actor), ...candidateFilters(filters)];
  return Prisma.join(conditions, " AND ");
}

/** The filters on the candidate c: vacancy, a chosen list, status. */
export function candidateFilters(filters: InsightFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  // Served by the index on Candidate (vacancyId, stageId).
  if (filters.vacancyId !== undefined) conditions.push(Prisma.sql`c."vacancyId" = ${filters.vacancyId}`);
  if (filters.candidateIds !== undefined) {
    conditions.push(
      filters.candidateIds.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`c."id" IN (${Prisma.join(filters.candidateIds)})`,
    );
  }
  if (filters.status !== undefined) conditions.push(Prisma.sql`c."status" = ${filters.status}::"CandidateStatus"`);
  return conditions;
}

export type ScopeOptions = {
  /** Only candidates within the actor's scope (the comparison's rows), not every panel the actor sat on. */
  candidatesInScope?: boolean;
  /** Only candidates with a scorecard withheld from the actor (see candidatesWithPendingSeats). */
  onlyPendingCandidates?: boolean;
  /** Any further condition on the candidate c. */
  candidateWhere?: Prisma.Sql;
};

/** The WHERE conditions over (sc, i, c, v, s) for the actor and filters. */
export function scopeConditions(actor: Actor, filters: InsightFilters, options: ScopeOptions = {}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`sc."orgId" = ${actor.orgId}`,
    Prisma.sql`sc."status" = 'SUBMITTED'::"ScorecardStatus"`,
    Prisma.sql`i."orgId" = ${actor.orgId}`,
    Prisma.sql`c."orgId" = ${actor.orgId}`,
  ];
  // Independence and the role's scope: the one rule every read of scorecards goes through.
  conditions.push(scorecardVisibleTo(actor, Prisma.raw("sc"), Prisma.raw(`c."id"`)));
  if (options.candidatesInScope) conditions.push(candidateVisibility(actor));
  if (options.onlyPendingCandidates) conditions.push(Prisma.sql`c."id" IN (${candidatesWithPendingSeats(actor)})`);
  if (options.candidateWhere) conditions.push(options.candidateWhere);
  conditions.push(...candidateFilters(filters));
  if (filters.scriptId !== undefined) conditions.push(Prisma.sql`v."scriptId" = ${filters.scriptId}`);
  if (filters.stageId !== undefined) conditions.push(Prisma.sql`i."stageId" = ${filters.stageId}`);
  if (filters.from !== undefined) conditions.push(Prisma.sql`i."scheduledAt" >= ${filters.from}`);
  if (filters.to !== undefined) conditions.push(Prisma.sql`i."scheduledAt" < ${filters.to}`);
  if (filters.interviewerId !== undefined) conditions.push(Prisma.sql`sc."panelistId" = ${filters.interviewerId}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * `WITH scoped AS (...)`: one row per submitted scorecard in scope, with what the queries group by.
 * Append further CTEs with a leading comma, or the main SELECT.
 */
export function scopedScorecards(actor: Actor, filters: InsightFilters, options: ScopeOptions = {}) {
  return Prisma.sql`WITH scoped AS (
    SELECT sc."id" AS "scorecardId", sc."interviewId", sc."panelistId", sc."recommendation", sc."submittedAt",
           i."candidateId", i."scheduledAt", i."scriptVersionId", v."scriptId", v."plannedMinutes"
    FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    JOIN "Candidate" c ON c."id" = i."candidateId"
    JOIN "ScriptVersion" v ON v."id" = i."scriptVersionId"
    WHERE ${scopeConditions(actor, filters, options)}
  )`;
}
