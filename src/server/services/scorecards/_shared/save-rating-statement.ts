import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { SaveRatingInput } from "@/lib/schemas/scorecards";
import type { MemberRef } from "@/server/services/actor";
import { ownDraftCard, writtenThenBumpAndNotify } from "./cell-write-sql";

/**
 * The one statement behind saveRating (also run by the benchmark's floors, scripts/bench/, so they measure
 * the app's own SQL): returns the written cell's version and the scorecard's new version, or no row.
 */
export function saveRatingStatement(member: MemberRef, input: SaveRatingInput, newId: string = randomUUID()): Prisma.Sql {
  const { scorecardId, itemId, competencyId, score, notAssessed, baseVersion } = input;
  return Prisma.sql`
    WITH ${ownDraftCard(member, scorecardId)}, cell AS (
      SELECT card.id AS "scorecardId", card."interviewId"
      FROM card
      JOIN "ScriptItemCompetency" ic ON ic."itemId" = ${itemId} AND ic."competencyId" = ${competencyId}
      JOIN "ScriptItem" it ON it.id = ic."itemId"
      JOIN "ScriptSection" sec ON sec.id = it."sectionId" AND sec."versionId" = card."scriptVersionId"
    ), inserted AS (
      INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, "notAssessed", version, "updatedAt")
      SELECT ${newId}, cell."scorecardId", ${itemId}, ${competencyId}, ${score}::int, ${notAssessed}::boolean, 1,
             now() AT TIME ZONE 'UTC'
      FROM cell
      WHERE ${baseVersion}::int = 0
      ON CONFLICT ("scorecardId", "itemId", "competencyId") DO NOTHING
      RETURNING version
    ), updated AS (
      UPDATE "Rating" r
      SET score = ${score}::int, "notAssessed" = ${notAssessed}::boolean, version = r.version + 1,
          "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM cell
      WHERE ${baseVersion}::int > 0 AND r."scorecardId" = cell."scorecardId" AND r."itemId" = ${itemId}
        AND r."competencyId" = ${competencyId} AND r.version = ${baseVersion}::int
      RETURNING r.version
    ), ${writtenThenBumpAndNotify}`;
}
