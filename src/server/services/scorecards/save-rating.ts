import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { ownDraftCard, writtenThenBumpAndNotify } from "./cell-write-sql";
import { AppError } from "@/server/errors";
import type { Actor, MemberRef } from "@/server/services/actor";
import { ownDraftOrRefusal } from "./own-draft-or-refusal";
import { NOT_ON_SCRIPT } from "./scorecard-messages";

export type SaveRatingInput = {
  scorecardId: string;
  itemId: string;
  competencyId: string;
  /** 1..4; null with notAssessed false clears the cell. */
  score: number | null;
  notAssessed: boolean;
  /** The cell's version as the client last saw it; 0 when it never saw one. */
  baseVersion: number;
};

export type SaveRatingResult =
  | { status: "saved"; version: number; scorecardVersion: number }
  | { status: "conflict"; server: { score: number | null; notAssessed: boolean; version: number } };

type Written = { version: number; scorecardVersion: number };

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

/**
 * Saves one cell while the candidate is talking: a single SQL statement (its own transaction) checks the
 * caller's membership and role, that the scorecard is their draft and locks it (so a submit can't slip in between), checks the item
 * rates that competency in this interview's script version, writes the cell only if its version is still
 * `baseVersion`, bumps the scorecard's version and notifies live progress. Only when nothing was written do
 * we spend more queries, to say why: not a member or not allowed (`requireActor` throws), not found,
 * submitted, not on the script, or a conflict with the server's current value.
 */
export async function saveRating(
  db: Db,
  member: MemberRef,
  requireActor: () => Promise<Actor>,
  input: SaveRatingInput,
): Promise<SaveRatingResult> {
  const rows = await db.$queryRaw<Written[]>(saveRatingStatement(member, input));
  const written = rows[0];
  if (written) return { status: "saved", version: written.version, scorecardVersion: written.scorecardVersion };
  return explainUnsaved(db, await requireActor(), input);
}

async function explainUnsaved(db: Db, actor: Actor, input: SaveRatingInput): Promise<SaveRatingResult> {
  const card = await ownDraftOrRefusal(db, actor, input.scorecardId);
  const onScript = await db.scriptItemCompetency.count({
    where: {
      itemId: input.itemId,
      competencyId: input.competencyId,
      item: { section: { versionId: card.scriptVersionId } },
    },
  });
  if (onScript === 0) throw new AppError("BAD_REQUEST", NOT_ON_SCRIPT, "competencyId");
  const current = await db.rating.findUnique({
    where: {
      scorecardId_itemId_competencyId: { scorecardId: card.id, itemId: input.itemId, competencyId: input.competencyId },
    },
    select: { score: true, notAssessed: true, version: true },
  });
  return { status: "conflict", server: current ?? { score: null, notAssessed: false, version: 0 } };
}
