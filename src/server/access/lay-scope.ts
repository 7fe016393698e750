// The one rule on what a lay panelist (a service user or external assessor without an account, signed in
// through their personal scoring link) may do: the procedures of their own interview's scoring screen and,
// after submitting, what any panelist may see there (scorecard-visibility.ts decides what those return). A
// lay panelist holds no membership, so every other procedure refuses them as it refuses a stranger; the tRPC
// procedure builders (trpc.ts) ask `layActorFor` and nothing else, and the one-statement rating and note
// saves (cell-write-sql.ts) use `layActingOrg`, the same rule as SQL.
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { AppError, notFound } from "@/server/errors";

/**
 * The procedures a lay panelist may call, each with how its input names the interview: every one must be
 * about an interview their link is for. A scorecard id is checked through its interview.
 */
export const LAY_PROCEDURES: Readonly<Record<string, "interviewId" | "id" | "scorecardId" | "none">> = {
  "scorecards.mine": "interviewId",
  "scorecards.saveRating": "scorecardId",
  "scorecards.saveNote": "scorecardId",
  "scorecards.submit": "scorecardId",
  "scorecards.amend": "scorecardId",
  "scorecards.forInterview": "interviewId",
  "scorecards.progress": "interviewId",
  "scorecards.onProgress": "interviewId",
  "interviews.get": "id",
  "layPanelists.session": "none",
  // Issue 23: assisted scoring on their own scorecard, and (after submitting, as a service user) the reasons
  // given where a decision at the stage departed from the service users' preferred candidate.
  "strands.assistance": "interviewId",
  "strands.setAssisted": "scorecardId",
  "strands.departures": "interviewId",
  // Their own record only: the scoring screen's easy-read switch and the language picker.
  "scoringPreferences.setEasyRead": "none",
  "users.setLocale": "none",
};

/** A live link of the user's for the interview (an SQL expression): not revoked, not expired. */
function liveLinkFor(userId: string, interviewId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "LayPanelistLink" ll WHERE ll."userId" = ${userId}
    AND ll."interviewId" = ${interviewId} AND ll."revokedAt" IS NULL AND ll."expiresAt" > now())`;
}

/**
 * For the one-statement saves: the organisation a lay panelist acts in (as `"orgId"`, with role 'LAY') when
 * `userId` is one, the session is current and a live link of theirs is for `interviewId`; no row otherwise.
 */
export function layActingOrg(userId: string, sessionVersion: number | undefined, interviewId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT lu."layOrgId" AS "orgId", 'LAY'::text AS role FROM "User" lu
    WHERE lu.id = ${userId} AND lu."layOrgId" IS NOT NULL
      AND (${sessionVersion ?? null}::int IS NULL OR lu."sessionVersion" = ${sessionVersion ?? null}::int)
      AND ${liveLinkFor(userId, interviewId)}`;
}

/** The interviews a lay user's live links are for, and their organisation; null when the user is not lay. */
export async function layScopeOf(db: Db, userId: string): Promise<{ orgId: string; interviewIds: string[] } | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { layOrgId: true, layLinks: { where: { revokedAt: null, expiresAt: { gt: new Date() } }, select: { interviewId: true } } },
  });
  if (!user?.layOrgId) return null;
  return { orgId: user.layOrgId, interviewIds: [...new Set(user.layLinks.map((l) => l.interviewId))] };
}

function namedId(input: unknown, key: string): string | null {
  const value = input && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : null;
}

/** The interview a procedure's input is about, as LAY_PROCEDURES says where to look; null when none. */
async function interviewOfInput(db: Db, kind: "interviewId" | "id" | "scorecardId", input: unknown): Promise<string | null> {
  const id = namedId(input, kind);
  if (!id) return null;
  if (kind !== "scorecardId") return id;
  const card = await db.scorecard.findUnique({ where: { id }, select: { interviewId: true } });
  return card?.interviewId ?? null;
}

/**
 * The actor of a user without a membership, for the procedure at `path` with `input`: a lay panelist acting
 * within their link's scope gets an interviewer's actor in their organisation (no off-panel scope at all);
 * null when the user is not a lay panelist, so the caller refuses them as it refuses anyone without an
 * organisation. A lay panelist outside their scope is refused here: FORBIDDEN for another procedure,
 * NOT_FOUND for another interview (as for another organisation's record).
 */
export async function layActorFor(db: Db, userId: string, path: string, input: unknown): Promise<Actor | null> {
  const scope = await layScopeOf(db, userId);
  if (!scope) return null;
  const kind = LAY_PROCEDURES[path];
  if (!kind) throw new AppError("FORBIDDEN", { key: "access.layScope" });
  if (kind !== "none") {
    const interviewId = await interviewOfInput(db, kind, input);
    if (!interviewId || !scope.interviewIds.includes(interviewId)) throw notFound("Interview");
  }
  return { userId, orgId: scope.orgId, role: "INTERVIEWER" };
}

/** Whether the user is a lay panelist (for the procedures that need a session but no organisation). */
export async function isLayUser(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { layOrgId: true } });
  return Boolean(user?.layOrgId);
}
