// The one rule on who may read a scorecard's content (ratings, notes, recommendation, summary, amendments)
// and anything computed from it. Every read of scorecard content, and every figure derived from one
// (summaries, comparisons, calibration, exports, the interview's scorecard list), selects through the SQL
// condition built here, so independence is written once and holds for every role:
//
//   1. a draft is seen by its author alone;
//   2. a member of an interview's panel sees the other panelists' submitted scorecards only once their own
//      is submitted, whatever their role (a hiring manager, HR member or admin on the panel is a panelist
//      like any other until then);
//   3. off that panel, submitted scorecards are seen within the role's scope: HR and admins the whole
//      organisation; a hiring manager the candidates of the vacancies they manage and those interviewed
//      with a script they created; an interviewer none.
//
//   4. a shadow's scorecard (written from a shadow's seat, to learn) is read by nobody through this rule,
//      its author included: it never enters a figure, comparison, debrief or export. Its author reads it
//      only on their own scoring screen and beside the panel's in the shadow comparison
//      (src/server/services/scorecards/get-shadow-comparison.ts).
//
// A figure drawn from several candidates' scorecards (a rank among a stage's candidates, a comparison with
// the candidates already decided) holds rule 2 by leaving out the candidates whose panel the actor has not
// yet submitted for (withheldAtStages), or by not being shown.
//
// An unknown role gets rule 1 and 2 only (fails closed). Aliases used in the SQL: the caller names the
// scorecard's table alias and an expression for its candidate id.
import { z } from "zod";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";

/** How far a role sees submitted scorecards of panels it does not sit on. */
export type OffPanelScope = "organisation" | "own-vacancies" | "none";

export function offPanelScope(role: string): OffPanelScope {
  switch (role) {
    case "ADMIN":
    case "HR":
      return "organisation";
    case "HIRING_MANAGER":
      return "own-vacancies";
    default:
      return "none";
  }
}

/**
 * How the rule asks "is this candidate the manager's?". By default as a set built once and hash-joined: right
 * for reads over many candidates (comparisons, exports). A read that returns one short page of rows asks
 * `perRow`: the same two conditions as correlated lookups by the candidate's id, so no set of every owned
 * candidate is built for a hundred rows. Either way the same candidates pass.
 */
export type VisibilityOptions = { perRow?: boolean };

/**
 * Candidates a hiring manager owns: those of the vacancies they manage, and those interviewed with a script
 * the manager created. Uncorrelated, so Postgres builds the set once and hash-joins it.
 */
function managerCandidates(actor: Actor): Prisma.Sql {
  return Prisma.sql`SELECT oi."candidateId" FROM "Interview" oi
    JOIN "ScriptVersion" ov ON ov."id" = oi."scriptVersionId"
    JOIN "InterviewScript" os ON os."id" = ov."scriptId"
    WHERE oi."orgId" = ${actor.orgId} AND os."createdById" = ${actor.userId}
    UNION ALL
    SELECT oc."id" FROM "Candidate" oc
    JOIN "VacancyManager" ovm ON ovm."vacancyId" = oc."vacancyId"
    WHERE oc."orgId" = ${actor.orgId} AND ovm."userId" = ${actor.userId}`;
}

/** managerCandidates' two conditions asked of one candidate (index lookups by its id). */
function managerOwnsCandidate(actor: Actor, candidateId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(EXISTS (SELECT 1 FROM "Candidate" oc JOIN "VacancyManager" ovm ON ovm."vacancyId" = oc."vacancyId"
      WHERE oc."id" = ${candidateId} AND oc."orgId" = ${actor.orgId} AND ovm."userId" = ${actor.userId})
    OR EXISTS (SELECT 1 FROM "Interview" oi
      JOIN "ScriptVersion" ov ON ov."id" = oi."scriptVersionId"
      JOIN "InterviewScript" os ON os."id" = ov."scriptId"
      WHERE oi."candidateId" = ${candidateId} AND oi."orgId" = ${actor.orgId} AND os."createdById" = ${actor.userId}))`;
}

/** Whether the candidate (an SQL expression for its id) is within the actor's off-panel scope. */
export function candidateInScope(actor: Actor, candidateId: Prisma.Sql = Prisma.raw(`c."id"`), options: VisibilityOptions = {}): Prisma.Sql {
  switch (offPanelScope(actor.role)) {
    case "organisation":
      return Prisma.sql`TRUE`;
    case "own-vacancies":
      return options.perRow ? managerOwnsCandidate(actor, candidateId) : Prisma.sql`${candidateId} IN (${managerCandidates(actor)})`;
    default:
      return Prisma.sql`FALSE`;
  }
}

/** Interviews on whose panel the actor sits without having submitted their own scorecard. */
export function pendingSeatInterviews(actor: Actor): Prisma.Sql {
  return Prisma.sql`SELECT pm."interviewId" FROM "PanelMember" pm
    WHERE pm."userId" = ${actor.userId}
      AND NOT EXISTS (SELECT 1 FROM "Scorecard" own WHERE own."interviewId" = pm."interviewId"
        AND own."panelistId" = ${actor.userId} AND own."status" = 'SUBMITTED'::"ScorecardStatus")`;
}

/** Interviews in which the actor has submitted their own scorecard (so sees the panel's). */
export function submittedSeatInterviews(actor: Actor): Prisma.Sql {
  return Prisma.sql`SELECT own."interviewId" FROM "Scorecard" own
    WHERE own."panelistId" = ${actor.userId} AND own."orgId" = ${actor.orgId} AND own."status" = 'SUBMITTED'::"ScorecardStatus"`;
}

/**
 * The condition under which the scorecard `sc` may be read by the actor: the rule above, as SQL.
 * `candidateId` is an expression for the scorecard's candidate (its interview's "candidateId").
 */
export function scorecardVisibleTo(
  actor: Actor,
  sc: Prisma.Sql = Prisma.raw("sc"),
  candidateId: Prisma.Sql = Prisma.raw(`i."candidateId"`),
  options: VisibilityOptions = {},
): Prisma.Sql {
  return Prisma.sql`(${sc}."orgId" = ${actor.orgId} AND NOT ${sc}."shadow" AND (
    ${sc}."panelistId" = ${actor.userId}
    OR (${sc}."status" = 'SUBMITTED'::"ScorecardStatus"
      AND ${sc}."interviewId" NOT IN (${pendingSeatInterviews(actor)})
      AND (${sc}."interviewId" IN (${submittedSeatInterviews(actor)}) OR ${candidateInScope(actor, candidateId, options)}))))`;
}

/** Whether the actor holds a pending seat on an interview of the candidate at the stage (SQL expressions for their ids). */
export function pendingSeatAt(actor: Actor, candidateId: Prisma.Sql, stageId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Interview" dpi WHERE dpi."candidateId" = ${candidateId}
      AND dpi."stageId" = ${stageId} AND dpi."id" IN (${pendingSeatInterviews(actor)}))`;
}

/**
 * The condition under which a debrief, and the decision it ends with, of the candidate at the stage (SQL
 * expressions for their ids) may be read by the actor: never while the actor holds a pending seat on an
 * interview of that candidate at that stage, whatever the role; otherwise within the role's off-panel scope
 * (the candidates whose figures the actor may read), or as a panelist who submitted their own scorecard at
 * that stage. An interviewer thus sees no decision on a candidate they did not interview.
 */
export function debriefVisibleTo(actor: Actor, candidateId: Prisma.Sql, stageId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(NOT ${pendingSeatAt(actor, candidateId, stageId)}
    AND (${candidateInScope(actor, candidateId)}
      OR EXISTS (SELECT 1 FROM "Interview" dsi WHERE dsi."candidateId" = ${candidateId}
        AND dsi."stageId" = ${stageId} AND dsi."id" IN (${submittedSeatInterviews(actor)}))))`;
}

/** Why a figure or scorecard is not shown: said on the page beside it. */
export const WITHHELD_UNTIL_OWN_SUBMITTED =
  "You sit on this panel: the other panelists' scorecards, and every figure drawn from them, stay hidden until you submit your own.";
export const DRAFTS_PRIVATE = "Drafts stay private until submitted.";
export const OUTSIDE_ROLE_SCOPE = "Scorecards of candidates outside your vacancies are not shown.";

const withheldRowSchema = z.object({ candidateId: z.string(), scorecards: z.number().int() });
const idRowSchema = z.object({ id: z.string() });

export type Withheld = {
  /** Submitted scorecards by others on panels where the actor has not submitted. */
  scorecards: number;
  /** Their candidates, so a table can mark the rows whose figures leave them out. */
  candidateIds: string[];
  reason: string | null;
};

/**
 * What the rule withholds from the actor because they sit on a panel they have not submitted for: counted
 * without reading any content, so a page can say why its figures leave something out. `candidateId`
 * narrows it to one candidate; `candidateWhere`, a condition on the candidate `c`, to a page's filters.
 */
export async function withheldFromPendingSeats(
  db: Db,
  actor: Actor,
  filter: { candidateId?: string; candidateWhere?: Prisma.Sql } = {},
): Promise<Withheld> {
  const raw = await db.$queryRaw`
    SELECT i."candidateId", count(*)::int AS "scorecards"
    FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    JOIN "Candidate" c ON c."id" = i."candidateId"
    WHERE sc."orgId" = ${actor.orgId} AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND NOT sc."shadow"
      AND sc."panelistId" <> ${actor.userId}
      AND ${filter.candidateWhere ?? Prisma.sql`TRUE`}
      AND sc."interviewId" IN (${pendingSeatInterviews(actor)})
      ${filter.candidateId === undefined ? Prisma.empty : Prisma.sql`AND i."candidateId" = ${filter.candidateId}`}
    GROUP BY i."candidateId"`;
  const rows = checkedRows(withheldRowSchema, raw);
  const scorecards = rows.reduce((sum, r) => sum + r.scorecards, 0);
  return {
    scorecards,
    candidateIds: rows.map((r) => r.candidateId).sort(),
    reason: scorecards > 0 ? WITHHELD_UNTIL_OWN_SUBMITTED : null,
  };
}

const withheldPairRowSchema = z.object({ candidateId: z.string(), stageId: z.string() });

/** Per stage, the candidates whose figures there the rule withholds from the actor (see withheldAtStages). */
export type WithheldAtStages = Map<string, Set<string>>;

/**
 * The (candidate, stage) pairs among the given stages whose figures the rule withholds from the actor: those
 * where the actor holds a pending seat on an interview of the candidate at the stage and someone else on it
 * has submitted a counting scorecard (not a shadow's, the interview not cancelled: the scorecards every
 * stage score, ranking and strand figure is drawn from). A figure that crosses candidates (a rank among the
 * stage's candidates, which outcomes would depart from the service users' preferred one) must leave these
 * candidates out, or not be shown, whatever the role: it would otherwise tell the actor how the panel they
 * have not yet submitted for rated. One statement from the actor's seats (PanelMember by user), the
 * interviews by id and the others' scorecards by interview.
 */
export async function withheldAtStages(db: Pick<Prisma.TransactionClient, "$queryRaw">, actor: Actor, stageIds: readonly string[]): Promise<WithheldAtStages> {
  const result: WithheldAtStages = new Map();
  if (stageIds.length === 0) return result;
  const raw = await db.$queryRaw`
    SELECT DISTINCT i."candidateId", i."stageId"
    FROM "PanelMember" seat
    JOIN "Interview" i ON i."id" = seat."interviewId"
    WHERE seat."userId" = ${actor.userId} AND i."orgId" = ${actor.orgId}
      AND i."stageId" = ANY(${[...stageIds]}::text[])
      AND i."status" <> 'CANCELLED'::"InterviewStatus"
      AND seat."interviewId" IN (${pendingSeatInterviews(actor)})
      AND EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."interviewId" = i."id" AND sc."panelistId" <> ${actor.userId}
        AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND NOT sc."shadow")`;
  for (const row of checkedRows(withheldPairRowSchema, raw)) {
    const set = result.get(row.stageId) ?? new Set<string>();
    set.add(row.candidateId);
    result.set(row.stageId, set);
  }
  return result;
}

/** The ids of the scorecards of one interview, or of all a candidate's interviews, that the actor may read. */
export async function visibleScorecardIds(
  db: Db,
  actor: Actor,
  of: { interviewId: string } | { candidateId: string },
): Promise<Set<string>> {
  const which = "interviewId" in of ? Prisma.sql`sc."interviewId" = ${of.interviewId}` : Prisma.sql`i."candidateId" = ${of.candidateId}`;
  const raw = await db.$queryRaw`
    SELECT sc."id" FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    WHERE ${which} AND i."orgId" = ${actor.orgId} AND ${scorecardVisibleTo(actor)}`;
  const rows = checkedRows(idRowSchema, raw);
  return new Set(rows.map((r) => r.id));
}
