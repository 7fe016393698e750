import type { Prisma } from "@/generated/prisma/client";
import type { Recommendation } from "@/generated/prisma/enums";
import type { AmendScorecardInput, NoteCell, RatingCell } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { lockOwnScorecard } from "./_shared/lock-scorecard";
import { assertRatingsComplete } from "./_shared/missing-ratings";
import { notifyProgress } from "./_shared/notify-progress";
import { NOT_ON_SCRIPT, NOT_SUBMITTED_YET } from "./_shared/scorecard-messages";
import { noteCellSelect, ratingCellSelect } from "./_shared/selects";

type Snapshot = { ratings?: RatingCell[]; notes?: NoteCell[]; recommendation?: Recommendation | null; summary?: string };

const cellKey = (itemId: string, competencyId: string) => `${itemId}\u0000${competencyId}`;

/**
 * Changes a submitted scorecard, with a reason. Only what actually changes is written (each cell's version
 * and the scorecard's go up) and kept as before/after in ScorecardAmendment, which is where the scorecard's
 * list of amendments comes from; the audit log records that it happened. The scorecard must stay complete: a required rating can't be cleared.
 */
export async function amendScorecard(db: Db, actor: Actor, input: AmendScorecardInput): Promise<{ amendedAt: Date }> {
  return db.$transaction(async (tx) => {
    const locked = await lockOwnScorecard(tx, actor, input.scorecardId);
    if (locked.status !== "SUBMITTED") throw new AppError("CONFLICT", NOT_SUBMITTED_YET);
    const card = await tx.scorecard.findUniqueOrThrow({
      where: { id: locked.id },
      select: { recommendation: true, summary: true },
    });
    const ratings = input.ratings ?? [];
    const notes = input.notes ?? [];
    await assertCellsOnScript(tx, locked.scriptVersionId, ratings, notes);

    const before: Snapshot = {};
    const after: Snapshot = {};

    const currentRatings = ratings.length
      ? await tx.rating.findMany({
          where: {
            scorecardId: locked.id,
            OR: ratings.map(({ itemId, competencyId }) => ({ itemId, competencyId })),
          },
          select: ratingCellSelect,
        })
      : [];
    const ratingByCell = new Map(currentRatings.map((r) => [cellKey(r.itemId, r.competencyId), r]));
    const changedRatings = ratings.filter((next) => {
      const prev = ratingByCell.get(cellKey(next.itemId, next.competencyId));
      return (prev?.score ?? null) !== next.score || (prev?.notAssessed ?? false) !== next.notAssessed;
    });
    if (changedRatings.length) {
      before.ratings = changedRatings.map(({ itemId, competencyId }) => {
        const prev = ratingByCell.get(cellKey(itemId, competencyId));
        return { itemId, competencyId, score: prev?.score ?? null, notAssessed: prev?.notAssessed ?? false };
      });
      after.ratings = changedRatings.map(({ itemId, competencyId, score, notAssessed }) => ({
        itemId,
        competencyId,
        score,
        notAssessed,
      }));
    }

    const currentNotes = notes.length
      ? await tx.scorecardNote.findMany({
          where: { scorecardId: locked.id, itemId: { in: notes.map((n) => n.itemId) } },
          select: noteCellSelect,
        })
      : [];
    const noteByItem = new Map(currentNotes.map((n) => [n.itemId, n.body]));
    const changedNotes = notes.filter((next) => (noteByItem.get(next.itemId) ?? "") !== next.body);
    if (changedNotes.length) {
      before.notes = changedNotes.map(({ itemId }) => ({ itemId, body: noteByItem.get(itemId) ?? "" }));
      after.notes = changedNotes.map(({ itemId, body }) => ({ itemId, body }));
    }

    const scorecardChanges: { recommendation?: Recommendation; summary?: string } = {};
    if (input.recommendation !== undefined && input.recommendation !== card.recommendation) {
      before.recommendation = card.recommendation;
      after.recommendation = scorecardChanges.recommendation = input.recommendation;
    }
    if (input.summary !== undefined && input.summary !== card.summary) {
      before.summary = card.summary;
      after.summary = scorecardChanges.summary = input.summary;
    }

    if (Object.keys(after).length === 0) {
      throw new AppError("BAD_REQUEST", { key: "scorecard.nothingToAmend" });
    }

    for (const cell of changedRatings) {
      await tx.rating.upsert({
        where: {
          scorecardId_itemId_competencyId: { scorecardId: locked.id, itemId: cell.itemId, competencyId: cell.competencyId },
        },
        create: { scorecardId: locked.id, ...cell },
        update: { score: cell.score, notAssessed: cell.notAssessed, version: { increment: 1 } },
      });
    }
    for (const note of changedNotes) {
      await tx.scorecardNote.upsert({
        where: { scorecardId_itemId: { scorecardId: locked.id, itemId: note.itemId } },
        create: { scorecardId: locked.id, ...note },
        update: { body: note.body, version: { increment: 1 } },
      });
    }
    const amendedAt = new Date();
    await tx.scorecard.update({
      where: { id: locked.id },
      data: { ...scorecardChanges, version: { increment: 1 }, updatedAt: amendedAt },
    });
    if (changedRatings.length) await assertRatingsComplete(tx, locked.id, locked.scriptVersionId);

    const amendment = await tx.scorecardAmendment.create({
      data: {
        scorecardId: locked.id,
        actorId: actor.userId,
        reason: input.reason,
        before: before as Prisma.InputJsonObject,
        after: after as Prisma.InputJsonObject,
        createdAt: amendedAt,
      },
      select: { id: true },
    });
    // The audit log is append-only and outlives an erasure, so it records what kind of change was made, never
    // the words of it (reason, notes, summary may describe the candidate).
    await recordActorEvent(tx, actor, "scorecard.amended", ["Scorecard", locked.id], { interviewId: locked.interviewId, amendmentId: amendment.id, changed: Object.keys(after).sort() });
    await notifyProgress(tx, locked.interviewId);
    return { amendedAt };
  });
}

/** Every amended cell must be a question (and, for ratings, a competency of it) of this interview's script. */
async function assertCellsOnScript(
  tx: Prisma.TransactionClient,
  scriptVersionId: string,
  ratings: RatingCell[],
  notes: NoteCell[],
) {
  if (ratings.length) {
    const found = await tx.scriptItemCompetency.count({
      where: {
        item: { section: { versionId: scriptVersionId } },
        OR: ratings.map(({ itemId, competencyId }) => ({ itemId, competencyId })),
      },
    });
    if (found !== new Set(ratings.map((r) => cellKey(r.itemId, r.competencyId))).size) {
      throw new AppError("BAD_REQUEST", NOT_ON_SCRIPT, "ratings");
    }
  }
  if (notes.length) {
    const itemIds = [...new Set(notes.map((n) => n.itemId))];
    const found = await tx.scriptItem.count({ where: { id: { in: itemIds }, section: { versionId: scriptVersionId } } });
    if (found !== itemIds.length) throw new AppError("BAD_REQUEST", NOT_ON_SCRIPT, "notes");
  }
}
