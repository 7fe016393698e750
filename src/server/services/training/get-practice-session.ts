import { SOURCE_LABELS, type PracticeSessionView } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { loadVisibleSession } from "./_shared/session-context";
import { figuresOf, loadSessionItems } from "./_shared/session-view";

/**
 * A practice session for its panelist (and, read only, for HR and admins): its answers in the seed's order
 * with the competencies and anchors to rate them on, the ratings so far, each answer's reference once its
 * panelist revealed it (every reference once finished), and the figures once finished. Anyone else: NOT_FOUND.
 */
export async function getPracticeSession(db: Db, actor: Actor, input: { id: string }): Promise<PracticeSessionView> {
  const session = await loadVisibleSession(db, actor, input.id);
  const [items, meta] = await Promise.all([
    loadSessionItems(db, session),
    db.practiceSession.findUniqueOrThrow({
      where: { id: session.id },
      select: {
        user: { select: { id: true, name: true } },
        org: { select: { practiceMaxMad: true } },
        scriptVersion: { select: { version: true, script: { select: { id: true, title: true } } } },
      },
    }),
  ]);
  const completed = session.status === "COMPLETED";
  const figures = completed ? figuresOf(items) : null;
  return {
    id: session.id,
    status: session.status,
    isMine: session.userId === actor.userId,
    panelist: meta.user,
    script: { id: meta.scriptVersion.script.id, title: meta.scriptVersion.script.title, version: meta.scriptVersion.version },
    startedAt: session.startedAt,
    completedAt: session.completedAt,
    maxMeanAbsDiff: meta.org.practiceMaxMad,
    items: items.map((item) => ({
      answerId: item.answerId,
      number: item.number,
      questionText: item.questionText,
      source: item.source,
      sourceLabel: SOURCE_LABELS[item.source],
      text: item.text,
      competencies: item.competencies,
      ratings: item.ratings,
      revealed: item.revealed,
      references: item.revealed || completed ? item.references : null,
    })),
    // The stored figures are the record (what results and readiness read); the rest is drawn from the ratings.
    figures:
      figures && session.meanAbsDiff !== null && session.bias !== null
        ? { ...figures, meanAbsDiff: session.meanAbsDiff, bias: session.bias, separation: session.separation }
        : figures,
  };
}
