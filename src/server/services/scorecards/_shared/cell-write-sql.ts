// The shared parts of the one-statement cell writes (saveRating, saveNote): which scorecard may be written,
// and what happens once a cell was.
import { Prisma } from "@/generated/prisma/client";
import { PROGRESS_CHANNEL } from "@/server/realtime/progress-channel";
import type { MemberRef } from "@/server/services/actor";
import { layActingOrg } from "@/server/access/lay-scope";

/**
 * CTE `card`: the caller's own DRAFT scorecard, while they sit on its panel, of an interview that is not
 * cancelled and a candidate who is not erased, locked so that a submit can't slip in between the check and
 * the write. The statement also checks the membership, so a save needs one round trip: the scorecard must
 * belong to the organisation the caller acts in (the one they chose if they belong to it, else their oldest
 * membership, as resolveActor picks) and their role there must be one of `member.roles`; a session signed
 * out since (`member.sessionVersion` no longer the user's) finds no membership.
 */
export const ownDraftCard = (member: MemberRef, scorecardId: string) => Prisma.sql`card AS (
      SELECT s.id, s."interviewId", i."scriptVersionId"
      FROM "Scorecard" s
      JOIN "Interview" i ON i.id = s."interviewId"
      JOIN LATERAL (
        (SELECT m."orgId", m.role::text AS role
        FROM "Membership" m
        WHERE m."userId" = ${member.userId}
          AND (${member.sessionVersion ?? null}::int IS NULL
               OR EXISTS (SELECT 1 FROM "User" u WHERE u.id = m."userId" AND u."sessionVersion" = ${member.sessionVersion ?? null}::int))
        ORDER BY (m."orgId" = ${member.preferredOrgId}::text) IS TRUE DESC, m."createdAt" ASC, m.id ASC
        LIMIT 1)
        -- A user without a membership may be a lay panelist with a live link for this interview (lay-scope.ts);
        -- the branch runs only when the one above finds nothing.
        UNION ALL (${layActingOrg(member.userId, member.sessionVersion, Prisma.sql`s."interviewId"`)})
        LIMIT 1
      ) acting ON acting."orgId" = s."orgId"
      WHERE s.id = ${scorecardId} AND s."panelistId" = ${member.userId}
        AND (acting.role = ANY(${member.roles}::text[]) OR acting.role = 'LAY')
        AND s.status = 'DRAFT'
        AND EXISTS (SELECT 1 FROM "PanelMember" pm WHERE pm."interviewId" = s."interviewId" AND pm."userId" = s."panelistId")
        AND i.status <> 'CANCELLED'
        AND NOT EXISTS (SELECT 1 FROM "Candidate" c WHERE c.id = i."candidateId" AND c."anonymizedAt" IS NOT NULL)
      FOR UPDATE OF s
    )`;

/**
 * The end of a cell write (CTEs `cell`, `inserted` and `updated` before it): bumps the scorecard's
 * version and notifies progress, in the same statement, only when the cell was written.
 */
export const writtenThenBumpAndNotify = Prisma.sql`written AS (
      SELECT version FROM inserted UNION ALL SELECT version FROM updated
    ), bumped AS (
      UPDATE "Scorecard" s
      SET version = s.version + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM cell
      WHERE s.id = cell."scorecardId" AND EXISTS (SELECT 1 FROM written)
      RETURNING s.version, s."interviewId"
    )
    SELECT written.version, bumped.version AS "scorecardVersion",
           pg_notify(${PROGRESS_CHANNEL}, bumped."interviewId")::text AS notified
    FROM written CROSS JOIN bumped`;
