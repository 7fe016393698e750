// Server-side sign-out for stateless (JWT) sessions: each user has a session version, every token carries
// the version it was issued at, and signing out bumps it, so tokens issued before no longer count.
import type { Db } from "@/server/db";

export const SESSION_ENDED = "Your session has ended: sign in again.";

/** The version a token issued now carries; null when the user no longer exists. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/**
 * The user's session version and whether they are a lay panelist (signed in through a scoring link), in one
 * read for the signed-in procedures; null when the user no longer exists.
 */
export async function sessionState(db: Db, userId: string): Promise<{ sessionVersion: number; lay: boolean } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, layOrgId: true } });
  return user ? { sessionVersion: user.sessionVersion, lay: user.layOrgId !== null } : null;
}

/** Whether a token issued at `version` still counts for this user. */
export async function sessionIsCurrent(db: Db, userId: string, version: number): Promise<boolean> {
  return (await currentSessionVersion(db, userId)) === version;
}

/** Ends every session of this user issued so far (on every device and app instance). */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
