// The ratings and evidence notes behind a debrief's queue: the submitted scorecards of the candidate's
// interviews at the stage that the actor may read (the one scorecard rule: a debrief's reader passes it for
// these, a draft never does), the questions of the interviews' script, and the disagreement queue built from them.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { buildQueue, unitKey, type QueuedUnit, type QueueQuestion } from "@/lib/debriefs/queue";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Actor } from "@/server/services/actor";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

const raterRowSchema = z.object({ scorecardId: z.string(), interviewId: z.string(), panelistId: z.string(), panelistName: z.string() });
const ratingRowSchema = z.object({
  scorecardId: z.string(),
  itemId: z.string(),
  competencyId: z.string(),
  score: z.number().int().nullable(),
  notAssessed: z.boolean(),
});
const noteRowSchema = z.object({ scorecardId: z.string(), itemId: z.string(), body: z.string() });
const cardRowsSchema = z.object({ raters: z.array(raterRowSchema), ratings: z.array(ratingRowSchema), notes: z.array(noteRowSchema) });
const questionRowSchema = z.object({
  itemId: z.string(),
  number: z.number().int(),
  text: z.string(),
  competencyId: z.string(),
  competencyName: z.string(),
});

export type StageRatings = {
  queue: QueuedUnit[];
  /** Agreement units (interview, question, competency): every panelist's score, for Krippendorff's alpha. */
  alphaUnits: number[][];
};

export async function loadStageRatings(
  db: Reader,
  actor: Actor,
  debrief: { candidateId: string; stageId: string },
  interviewVersionIds: readonly string[],
): Promise<StageRatings> {
  const cards = Prisma.sql`
    SELECT sc."id", sc."interviewId", sc."panelistId" FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    WHERE i."orgId" = ${actor.orgId} AND i."candidateId" = ${debrief.candidateId} AND i."stageId" = ${debrief.stageId}
      AND i."status" <> 'CANCELLED'::"InterviewStatus" AND sc."status" = 'SUBMITTED'::"ScorecardStatus"
      AND ${scorecardVisibleTo(actor)}`;
  // One statement for the scorecards, their ratings and their notes, so the visibility rule (for a hiring
  // manager, a pass over their organisation's interviews) is evaluated once, not once per read.
  const [cardRows, questionRows] = await Promise.all([
    db.$queryRaw`
      WITH cards AS MATERIALIZED (${cards})
      SELECT
        coalesce((
          SELECT json_agg(json_build_object('scorecardId', cards."id", 'interviewId', cards."interviewId", 'panelistId', cards."panelistId", 'panelistName', u."name")
            ORDER BY i."scheduledAt", i."id", pm."addedAt", u."name", cards."panelistId")
          FROM cards
          JOIN "Interview" i ON i."id" = cards."interviewId"
          JOIN "User" u ON u."id" = cards."panelistId"
          LEFT JOIN "PanelMember" pm ON pm."interviewId" = cards."interviewId" AND pm."userId" = cards."panelistId"
        ), '[]') AS "raters",
        coalesce((
          SELECT json_agg(json_build_object('scorecardId', r."scorecardId", 'itemId', r."itemId", 'competencyId', r."competencyId", 'score', r."score", 'notAssessed', r."notAssessed"))
          FROM cards JOIN "Rating" r ON r."scorecardId" = cards."id"
        ), '[]') AS "ratings",
        coalesce((
          SELECT json_agg(json_build_object('scorecardId', n."scorecardId", 'itemId', n."itemId", 'body', n."body"))
          FROM cards JOIN "ScorecardNote" n ON n."scorecardId" = cards."id"
          WHERE btrim(n."body") <> ''
        ), '[]') AS "notes"`.then((rows) => checkedRows(cardRowsSchema, rows)),
    interviewVersionIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw`
          WITH items AS (
            SELECT it."id" AS "itemId", it."text",
              ROW_NUMBER() OVER (PARTITION BY sec."versionId" ORDER BY sec."position", sec."id", it."position", it."id")::int AS "number"
            FROM "ScriptSection" sec JOIN "ScriptItem" it ON it."sectionId" = sec."id"
            WHERE sec."versionId" = ANY(${[...interviewVersionIds]}::text[])
          )
          SELECT items."itemId", items."number", items."text", ic."competencyId", comp."name" AS "competencyName"
          FROM items
          JOIN "ScriptItemCompetency" ic ON ic."itemId" = items."itemId"
          JOIN "Competency" comp ON comp."id" = ic."competencyId"
          ORDER BY items."number", items."itemId", ic."position"`.then((rows) => checkedRows(questionRowSchema, rows)),
  ]);
  const { raters, ratings, notes } = cardRows[0]!;

  const questions: QueueQuestion[] = [];
  for (const row of questionRows) {
    let question = questions.at(-1) as (QueueQuestion & { competencies: Array<{ id: string; name: string }> }) | undefined;
    if (!question || question.itemId !== row.itemId) {
      question = { itemId: row.itemId, number: row.number, text: row.text, competencies: [] };
      questions.push(question);
    }
    question.competencies.push({ id: row.competencyId, name: row.competencyName });
  }
  const queue = buildQueue({ questions, raters, ratings, notes });

  const interviewOf = new Map(raters.map((r) => [r.scorecardId, r.interviewId]));
  const units = new Map<string, number[]>();
  for (const rating of ratings) {
    if (rating.score === null) continue;
    const key = `${interviewOf.get(rating.scorecardId)}\u0000${unitKey(rating.itemId, rating.competencyId)}`;
    const list = units.get(key) ?? [];
    list.push(rating.score);
    units.set(key, list);
  }
  return { queue, alphaUnits: [...units.values()] };
}

/** The queued unit, or null when the question and competency are not a disagreement of this debrief. */
export function queuedUnit(queue: readonly QueuedUnit[], itemId: string, competencyId: string): QueuedUnit | null {
  return queue.find((u) => u.itemId === itemId && u.competencyId === competencyId) ?? null;
}
