import type { RevealInput, RevealedReference } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { loadOwnOpenSession } from "./_shared/session-context";
import { loadSessionItems } from "./_shared/session-view";

/**
 * Shows the reference for one answer the actor has rated on every competency: the reference level, its
 * rationale and the anchor text of that level. From then on that answer's ratings are fixed, so what the
 * session measures is the panelist's own judgement. Revealing twice shows the same.
 */
export async function revealReference(db: Db, actor: Actor, input: RevealInput): Promise<{ answerId: string; references: RevealedReference[] }> {
  return db.$transaction(async (tx) => {
    const session = await loadOwnOpenSession(tx, actor, input.sessionId, { lock: true, allowCompleted: true });
    const items = await loadSessionItems(tx, session);
    const item = items.find((i) => i.answerId === input.answerId);
    if (!item) throw new AppError("NOT_FOUND", { key: "training.answerNotInSession" });
    if (!item.revealed && session.status === "OPEN") {
      const unrated = item.competencies.filter((c) => item.ratings.find((r) => r.competencyId === c.id)?.score == null);
      if (unrated.length > 0) {
        throw new AppError("BAD_REQUEST", { key: "training.rateBeforeReveal", values: { competencies: unrated.map((c) => c.name) } });
      }
      await tx.practiceRating.updateMany({ where: { sessionId: session.id, answerId: item.answerId, revealedAt: null }, data: { revealedAt: new Date() } });
    }
    return { answerId: item.answerId, references: item.references };
  });
}
