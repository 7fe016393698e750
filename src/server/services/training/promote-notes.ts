import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { PromoteNotesInput } from "@/lib/schemas/training";
import { scorecardVisibleTo } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { z } from "zod";
import { candidateOfScorecard, refuseIdentifyingText } from "./_shared/identifying";

const sourceRowSchema = z.object({ questionId: z.string().nullable(), status: z.string() });

/**
 * A practice answer drafted from the evidence notes of a past submitted scorecard, after the manager edited
 * them: only notes the actor may read under the one access rule, only for an item copied from a bank question,
 * and only once the text no longer contains the candidate's name (any part of three letters or more, as a
 * word, any case), their email or phone, or any other email or phone. The refusal lists what still matches.
 */
export async function promoteNotes(db: Db, actor: Actor, input: PromoteNotesInput): Promise<{ id: string }> {
  requirePermission(actor, "training:manage");
  return db.$transaction(async (tx) => {
    const rows = checkedRows(
      sourceRowSchema,
      await tx.$queryRaw`
        SELECT it."questionId", sc."status"::text AS "status"
        FROM "Scorecard" sc
        JOIN "Interview" i ON i."id" = sc."interviewId"
        JOIN "ScorecardNote" n ON n."scorecardId" = sc."id" AND n."itemId" = ${input.itemId}
        JOIN "ScriptItem" it ON it."id" = n."itemId"
        WHERE sc."id" = ${input.scorecardId} AND ${scorecardVisibleTo(actor, Prisma.raw("sc"))}`,
    );
    const source = rows[0];
    if (!source) throw new AppError("NOT_FOUND", { key: "training.notesNotFound" });
    if (source.status !== "SUBMITTED") throw new AppError("BAD_REQUEST", { key: "training.notesNotSubmitted" });
    if (!source.questionId) {
      throw new AppError("BAD_REQUEST", { key: "training.notesNotFromBank" });
    }
    refuseIdentifyingText(input.text, await candidateOfScorecard(tx, input.scorecardId));
    const answer = await tx.practiceAnswer.create({
      data: {
        orgId: actor.orgId,
        questionId: source.questionId,
        slug: `notes-${randomUUID()}`,
        source: "PROMOTED_NOTES",
        text: input.text,
        status: "DRAFT",
        sourceScorecardId: input.scorecardId,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "practice_answer.created", ["PracticeAnswer", answer.id], {
      source: "PROMOTED_NOTES",
      questionId: source.questionId,
      scorecardId: input.scorecardId,
    });
    return answer;
  });
}
