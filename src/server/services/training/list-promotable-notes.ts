import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { PromotableNotesInput } from "@/lib/schemas/training";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "@/server/services/_shared/checked-rows";

/** Notes shorter than this are no use as a practice answer. */
const MIN_NOTE_LENGTH = 40;

const rowSchema = z.object({
  scorecardId: z.string(),
  itemId: z.string(),
  questionId: z.string(),
  questionText: z.string(),
  submittedAt: z.date(),
  body: z.string(),
});

/**
 * Evidence notes an admin or HR may turn into a practice answer: notes of submitted scorecards that the one
 * access rule lets the actor read (so never a draft, nor a panel the actor sits on without having submitted),
 * on items copied from a bank question, newest first. The candidate is not named: the notes are to be edited
 * until they identify no one.
 */
export async function listPromotableNotes(db: Db, actor: Actor, input: PromotableNotesInput) {
  requirePermission(actor, "training:manage");
  const raw = await db.$queryRaw`
    SELECT sc."id" AS "scorecardId", n."itemId", it."questionId", it."text" AS "questionText", sc."submittedAt", n."body"
    FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    JOIN "Candidate" c ON c."id" = i."candidateId"
    JOIN "ScorecardNote" n ON n."scorecardId" = sc."id"
    JOIN "ScriptItem" it ON it."id" = n."itemId"
    WHERE sc."orgId" = ${actor.orgId} AND sc."status" = 'SUBMITTED'::"ScorecardStatus" AND sc."submittedAt" IS NOT NULL
      AND c."anonymizedAt" IS NULL
      AND it."questionId" IS NOT NULL AND length(btrim(n."body")) >= ${MIN_NOTE_LENGTH}
      ${input.questionId ? Prisma.sql`AND it."questionId" = ${input.questionId}` : Prisma.empty}
      AND ${scorecardVisibleTo(actor, Prisma.raw("sc"))}
    ORDER BY sc."submittedAt" DESC, sc."id", n."itemId"
    LIMIT 50`;
  return checkedRows(rowSchema, raw);
}
