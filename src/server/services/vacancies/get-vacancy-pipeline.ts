import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import {
  describeWaiting,
  END_COLUMNS,
  type Pipeline,
  type PipelineCard,
  type PipelineColumn,
  type VacancyIdInput,
  type Waiting,
} from "@/lib/schemas/vacancies";
import { debriefVisibleTo } from "@/server/access/debrief-visibility";
import { candidateInScope } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { countsAreScoped } from "./_shared/candidate-counts";
import { canEditVacancy } from "./_shared/vacancy-access";

const cardRowSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  status: z.enum(["ACTIVE", "HIRED", "RESERVE", "REJECTED", "WITHDRAWN"]),
  stageId: z.string().nullable(),
  erased: z.boolean(),
  seats: z.number().int(),
  submitted: z.number().int(),
  missing: z.array(z.string()),
  debriefId: z.string().nullable(),
  debriefStatus: z.enum(["OPEN", "CLOSED"]).nullable(),
  outcome: z.enum(["ADVANCE", "APPOINT", "RESERVE", "REJECT"]).nullable(),
});
type CardRow = z.output<typeof cardRowSchema>;

/**
 * One row per candidate of the vacancy within the actor's scope, with what their current stage is waiting
 * on, in one aggregate statement: the panel seats of the stage's interviews (not cancelled) and which have
 * a submitted scorecard (status only, never content), and the debrief and decision status at that stage
 * where the access rule lets the actor read them.
 * Seats on two interviews at the stage count twice; a name missing from both is listed once.
 */
function cardsQuery(actor: Actor, vacancyId: string): Prisma.Sql {
  return Prisma.sql`
    WITH cand AS (
      SELECT c."id", c."name", c."status", c."stageId", c."anonymizedAt"
      FROM "Candidate" c
      WHERE c."orgId" = ${actor.orgId} AND c."vacancyId" = ${vacancyId} AND ${candidateInScope(actor)}
    ),
    seats AS (
      SELECT i."candidateId",
        count(pm."userId")::int AS "seats",
        count(sc."id")::int AS "submitted",
        array_agg(u."name") FILTER (WHERE sc."id" IS NULL) AS "missing"
      FROM "Interview" i
      JOIN cand ON cand."id" = i."candidateId" AND i."stageId" = cand."stageId"
      JOIN "PanelMember" pm ON pm."interviewId" = i."id" AND NOT pm."shadow"
      JOIN "User" u ON u."id" = pm."userId"
      LEFT JOIN "Scorecard" sc ON sc."interviewId" = i."id" AND sc."panelistId" = pm."userId"
        AND sc."status" = 'SUBMITTED'::"ScorecardStatus"
      WHERE i."status" <> 'CANCELLED'::"InterviewStatus"
      GROUP BY i."candidateId"
    )
    SELECT cand."id" AS "candidateId", cand."name", cand."status"::text AS "status", cand."stageId",
      (cand."anonymizedAt" IS NOT NULL) AS "erased",
      COALESCE(s."seats", 0) AS "seats",
      COALESCE(s."submitted", 0) AS "submitted",
      COALESCE(s."missing", ARRAY[]::text[]) AS "missing",
      d."id" AS "debriefId",
      d."status"::text AS "debriefStatus",
      dc."outcome"::text AS "outcome"
    FROM cand
    LEFT JOIN seats s ON s."candidateId" = cand."id"
    LEFT JOIN "Debrief" d ON d."candidateId" = cand."id" AND d."stageId" = cand."stageId"
      AND ${debriefVisibleTo(actor, Prisma.raw(`cand."id"`), Prisma.raw(`cand."stageId"`))}
    LEFT JOIN "Decision" dc ON dc."debriefId" = d."id"
    ORDER BY cand."name", cand."id"`;
}

/**
 * What the candidate's card says: a decision or an open debrief at the current stage first. The statement
 * reads those through the access rule (debriefVisibleTo), so a pending seat on the stage's panel hides them
 * whatever the role, and the card says whom the stage waits on instead (the reader among them).
 */
function waitingOf(row: CardRow): Waiting {
  if (row.outcome) return { kind: "DECIDED", outcome: row.outcome };
  if (row.status !== "ACTIVE") return { kind: "NONE" };
  if (row.debriefStatus === "OPEN") return { kind: "DEBRIEF_OPEN" };
  // An interview without a panel yet is not scheduled as far as anyone can wait on it.
  if (row.seats === 0) return { kind: "NOT_SCHEDULED" };
  if (row.submitted < row.seats) {
    const names = [...new Set(row.missing)].sort((a, b) => a.localeCompare(b));
    return { kind: "WAITING", names, submitted: row.submitted, seats: row.seats };
  }
  return { kind: "READY" };
}

/**
 * The vacancy's pipeline board: a column per stage of its plan in order, then Appointed, Reserve,
 * Rejected and Withdrawn, each with its count and its candidates' cards (within the actor's scope), each
 * card saying whom the candidate is waiting on. Reads interview, scorecard, debrief and decision status
 * only: no ratings, notes or rationales.
 */
export async function getVacancyPipeline(db: Db, actor: Actor, input: VacancyIdInput): Promise<Pipeline> {
  requirePermission(actor, "candidates:read");
  // Both at once: the cards' statement is confined to the actor's organisation itself.
  const [vacancy, raw] = await Promise.all([
    db.vacancy.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: {
        id: true,
        title: true,
        status: true,
        managers: { select: { userId: true } },
        stages: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true } },
      },
    }),
    db.$queryRaw(cardsQuery(actor, input.id)),
  ]);
  if (!vacancy) throw notFound("Vacancy");
  const rows = checkedRows(cardRowSchema, raw);

  const stageColumns = new Map<string, PipelineColumn>(
    vacancy.stages.map((s) => [s.id, { key: s.id, label: s.name, kind: "stage", count: 0, cards: [] }]),
  );
  const unplaced: PipelineColumn = { key: "UNPLACED", label: "Not at a stage", kind: "unplaced", count: 0, cards: [] };
  const endColumns = new Map<string, PipelineColumn>(
    END_COLUMNS.map((c) => [c.status, { key: c.key, label: c.label, kind: "end", count: 0, cards: [] }]),
  );
  for (const row of rows) {
    const waiting = waitingOf(row);
    const card: PipelineCard = {
      candidateId: row.candidateId,
      name: row.name,
      status: row.status,
      stageId: row.stageId,
      erased: row.erased,
      debriefId: row.debriefId,
      waiting,
      waitingText: describeWaiting(waiting),
    };
    const column =
      row.status === "ACTIVE" ? ((row.stageId ? stageColumns.get(row.stageId) : undefined) ?? unplaced) : endColumns.get(row.status)!;
    column.cards.push(card);
    column.count += 1;
  }
  return {
    vacancy: { id: vacancy.id, title: vacancy.title, status: vacancy.status },
    stages: vacancy.stages,
    columns: [...(unplaced.count > 0 || vacancy.stages.length === 0 ? [unplaced] : []), ...stageColumns.values(), ...endColumns.values()],
    total: rows.length,
    scoped: countsAreScoped(actor),
    canMove: canEditVacancy(actor, vacancy.managers.map((m) => m.userId)),
  };
}
