// The statement saveRating (src/server/services/scorecards/save-rating.ts) issues for a cell write, built
// from the same shared pieces (cell-write-sql.ts), so the floors run the app's SQL. Keep the middle part
// in step with save-rating.ts.
import { randomUUID } from "node:crypto";
import { Prisma } from "../../src/generated/prisma/client";
import { ownDraftCard, writtenThenBumpAndNotify } from "../../src/server/services/scorecards/cell-write-sql";
import type { Actor } from "../../src/server/services/actor";

export type RatingWrite = {
  scorecardId: string;
  itemId: string;
  competencyId: string;
  score: number | null;
  notAssessed: boolean;
  baseVersion: number;
};

export function saveRatingStatement(actor: Actor, input: RatingWrite): Prisma.Sql {
  const { scorecardId, itemId, competencyId, score, notAssessed, baseVersion } = input;
  return Prisma.sql`
    WITH ${ownDraftCard(actor, scorecardId)}, cell AS (
      SELECT card.id AS "scorecardId", card."interviewId"
      FROM card
      JOIN "ScriptItemCompetency" ic ON ic."itemId" = ${itemId} AND ic."competencyId" = ${competencyId}
      JOIN "ScriptItem" it ON it.id = ic."itemId"
      JOIN "ScriptSection" sec ON sec.id = it."sectionId" AND sec."versionId" = card."scriptVersionId"
    ), inserted AS (
      INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, "notAssessed", version, "updatedAt")
      SELECT ${randomUUID()}, cell."scorecardId", ${itemId}, ${competencyId}, ${score}::int, ${notAssessed}::boolean, 1,
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
