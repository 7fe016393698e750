import type { ListPracticeSessionsInput } from "@/lib/schemas/training";
import { seesPracticeResultsOf } from "@/server/access/practice-visibility";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

/**
 * A member's practice sessions, newest first, with their figures: the actor's own, or (for HR and admins)
 * any member's of the organisation. Any other member's: NOT_FOUND, as if they had none.
 */
export async function listPracticeSessions(db: Db, actor: Actor, input: ListPracticeSessionsInput) {
  const userId = input.userId ?? actor.userId;
  const member = await db.membership.findFirst({
    where: { orgId: actor.orgId, userId },
    select: { user: { select: { id: true, name: true } } },
  });
  if (!member || !seesPracticeResultsOf(actor, userId)) throw new AppError("NOT_FOUND", { key: "notFound.member" });
  const sessions = await db.practiceSession.findMany({
    where: { orgId: actor.orgId, userId },
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      status: true,
      startedAt: true,
      completedAt: true,
      meanAbsDiff: true,
      bias: true,
      separation: true,
      scriptVersion: { select: { version: true, script: { select: { title: true } } } },
    },
  });
  return {
    panelist: member.user,
    sessions: sessions.map((s) => ({
      id: s.id,
      status: s.status,
      scriptTitle: s.scriptVersion.script.title,
      version: s.scriptVersion.version,
      startedAt: s.startedAt,
      completedAt: s.completedAt,
      meanAbsDiff: s.meanAbsDiff,
      bias: s.bias,
      separation: s.separation,
    })),
  };
}
