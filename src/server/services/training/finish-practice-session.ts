import type { PracticeFigures } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadOwnOpenSession } from "./_shared/session-context";
import { figuresOf, loadSessionItems } from "./_shared/session-view";

/**
 * Ends the actor's practice session once every answer is rated on every competency: compares each rating with
 * the answer's reference (practiceAccuracy) and stores the mean absolute difference, the bias (positive =
 * lenient) and the separation (correlation with the reference) on the session; every reference is then shown.
 * Finishing a finished session returns its figures again.
 */
export async function finishPracticeSession(db: Db, actor: Actor, input: { id: string }): Promise<{ id: string; figures: PracticeFigures }> {
  return db.$transaction(async (tx) => {
    const session = await loadOwnOpenSession(tx, actor, input.id, { lock: true, allowCompleted: true });
    const items = await loadSessionItems(tx, session);
    if (session.status === "OPEN") {
      const unrated = items.filter((i) => i.ratings.some((r) => r.score === null));
      if (unrated.length > 0) {
        const numbers = unrated.map((i) => i.number);
        throw new AppError(
          "BAD_REQUEST",
          { key: "training.rateEveryAnswer", values: { count: numbers.length, numbers: numbers.join(", ") } },
        );
      }
    }
    const figures = figuresOf(items);
    if (!figures) throw new AppError("BAD_REQUEST", { key: "training.noRatingsToCompare" });
    if (session.status === "COMPLETED" && session.meanAbsDiff !== null && session.bias !== null) {
      return { id: session.id, figures: { ...figures, meanAbsDiff: session.meanAbsDiff, bias: session.bias, separation: session.separation } };
    }
    await tx.practiceSession.update({
      where: { id: session.id },
      data: { status: "COMPLETED", completedAt: new Date(), meanAbsDiff: figures.meanAbsDiff, bias: figures.bias, separation: figures.separation },
    });
    await recordActorEvent(tx, actor, "practice_session.finished", ["PracticeSession", session.id], {
      answers: items.length,
      compared: figures.n,
      scriptVersionId: session.scriptVersionId,
    });
    return { id: session.id, figures };
  });
}
