// A practice session as the one rule (src/server/access/practice-visibility.ts) lets the actor read it, and
// as only its panelist may change it.
import type { Prisma } from "@/generated/prisma/client";
import { seesPracticeResultsOf } from "@/server/access/practice-visibility";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import type { Reader } from "./answer-context";
import { ONLY_OWN_SESSION, SESSION_FINISHED, SESSION_NOT_FOUND } from "./messages";

const sessionSelect = {
  id: true,
  orgId: true,
  userId: true,
  status: true,
  seed: true,
  startedAt: true,
  completedAt: true,
  meanAbsDiff: true,
  bias: true,
  separation: true,
  scriptVersionId: true,
} satisfies Prisma.PracticeSessionSelect;

export type SessionRow = Prisma.PracticeSessionGetPayload<{ select: typeof sessionSelect }>;

/** The session if the actor may read it (their own; anyone's in the organisation for HR and admins); NOT_FOUND otherwise. */
export async function loadVisibleSession(db: Reader, actor: Actor, id: string): Promise<SessionRow> {
  const session = await db.practiceSession.findFirst({ where: { id, orgId: actor.orgId }, select: sessionSelect });
  if (!session || !seesPracticeResultsOf(actor, session.userId)) throw new AppError("NOT_FOUND", SESSION_NOT_FOUND);
  return session;
}

/** The actor's own open session, locked for the transaction when `lock`; refusals say why not. */
export async function loadOwnOpenSession(db: Reader, actor: Actor, id: string, options: { lock?: boolean; allowCompleted?: boolean } = {}) {
  if (options.lock) await db.$queryRaw`SELECT 1 FROM "PracticeSession" WHERE "id" = ${id} AND "orgId" = ${actor.orgId} FOR UPDATE`;
  const session = await loadVisibleSession(db, actor, id);
  if (session.userId !== actor.userId) throw new AppError("FORBIDDEN", ONLY_OWN_SESSION);
  if (session.status !== "OPEN" && !options.allowCompleted) throw new AppError("CONFLICT", SESSION_FINISHED);
  return session;
}
