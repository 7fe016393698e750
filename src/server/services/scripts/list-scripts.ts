import { Prisma } from "@/generated/prisma/client";
import type { ListScriptsInput, ScriptListRow } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/**
 * The organisation's scripts, most recently changed first, with the size of each one's working version.
 * Archived scripts appear only when asked for by status. One SQL statement: the working version and its
 * totals come from lateral subqueries, not from loading every item. The procedure's output schema
 * (scriptListOutput) checks every row it returns.
 */
export async function listScripts(db: Db, actor: Actor, input: ListScriptsInput): Promise<ScriptListRow[]> {
  requirePermission(actor, "scripts:read");
  const conditions: Prisma.Sql[] = [Prisma.sql`s."orgId" = ${actor.orgId}`];
  conditions.push(
    input.status
      ? Prisma.sql`s."status" = ${input.status}::"ScriptStatus"`
      : Prisma.sql`s."status" <> 'ARCHIVED'::"ScriptStatus"`,
  );
  if (input.role) conditions.push(Prisma.sql`s."role" = ${input.role}`);
  const query = input.query?.trim();
  if (query) {
    // strpos, not LIKE: the user's % and _ are just characters.
    conditions.push(
      Prisma.sql`(strpos(lower(s."title"), lower(${query})) > 0 OR strpos(lower(s."role"), lower(${query})) > 0)`,
    );
  }

  return db.$queryRaw<ScriptListRow[]>`
    SELECT s."id", s."title", s."role", s."status", s."updatedAt",
      coalesce(w."version", 0) AS "latestVersion",
      p."version" AS "publishedVersion",
      (w."id" IS NOT NULL AND w."publishedAt" IS NULL) AS "hasUnpublishedDraft",
      coalesce(t."itemCount", 0) AS "itemCount",
      coalesce(t."totalMinutes", 0) AS "totalMinutes"
    FROM "InterviewScript" s
    LEFT JOIN LATERAL (
      SELECT v."id", v."version", v."publishedAt" FROM "ScriptVersion" v
      WHERE v."scriptId" = s."id" ORDER BY v."version" DESC LIMIT 1
    ) w ON true
    LEFT JOIN LATERAL (
      SELECT max(v."version") AS "version" FROM "ScriptVersion" v
      WHERE v."scriptId" = s."id" AND v."publishedAt" IS NOT NULL
    ) p ON true
    LEFT JOIN LATERAL (
      SELECT count(i."id")::int AS "itemCount", coalesce(sum(i."minutes"), 0)::int AS "totalMinutes"
      FROM "ScriptSection" sec JOIN "ScriptItem" i ON i."sectionId" = sec."id"
      WHERE sec."versionId" = w."id"
    ) t ON true
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY s."updatedAt" DESC, s."id"`;
}
