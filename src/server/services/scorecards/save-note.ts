import type { SaveNoteInput, SaveNoteResult } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor, MemberRef } from "@/server/services/actor";
import { ownDraftCard, writtenThenBumpAndNotify } from "./_shared/cell-write-sql";
import { ownDraftOrRefusal } from "./_shared/own-draft-or-refusal";
import { NOT_ON_SCRIPT } from "./_shared/scorecard-messages";

type Written = { version: number; scorecardVersion: number };

/** Saves one question's notes in a single statement, with the same checks and versioning as saveRating. */
export async function saveNote(
  db: Db,
  member: MemberRef,
  requireActor: () => Promise<Actor>,
  input: SaveNoteInput,
): Promise<SaveNoteResult> {
  const { scorecardId, itemId, body, baseVersion } = input;
  const rows = await db.$queryRaw<Written[]>`
    WITH ${ownDraftCard(member, scorecardId)}, cell AS (
      SELECT card.id AS "scorecardId", card."interviewId"
      FROM card
      JOIN "ScriptItem" it ON it.id = ${itemId}
      JOIN "ScriptSection" sec ON sec.id = it."sectionId" AND sec."versionId" = card."scriptVersionId"
    ), inserted AS (
      INSERT INTO "ScorecardNote" ("scorecardId", "itemId", body, version, "updatedAt")
      SELECT cell."scorecardId", ${itemId}, ${body}, 1, now() AT TIME ZONE 'UTC'
      FROM cell
      WHERE ${baseVersion}::int = 0
      ON CONFLICT ("scorecardId", "itemId") DO NOTHING
      RETURNING version
    ), updated AS (
      UPDATE "ScorecardNote" n
      SET body = ${body}, version = n.version + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM cell
      WHERE ${baseVersion}::int > 0 AND n."scorecardId" = cell."scorecardId" AND n."itemId" = ${itemId}
        AND n.version = ${baseVersion}::int
      RETURNING n.version
    ), ${writtenThenBumpAndNotify}`;
  const written = rows[0];
  if (written) return { status: "saved", version: written.version, scorecardVersion: written.scorecardVersion };

  const actor = await requireActor();
  const card = await ownDraftOrRefusal(db, actor, scorecardId);
  const onScript = await db.scriptItem.count({
    where: { id: itemId, section: { versionId: card.scriptVersionId } },
  });
  if (onScript === 0) throw new AppError("BAD_REQUEST", NOT_ON_SCRIPT, "itemId");
  const current = await db.scorecardNote.findUnique({
    where: { scorecardId_itemId: { scorecardId: card.id, itemId } },
    select: { body: true, version: true },
  });
  return { status: "conflict", server: current ?? { body: "", version: 0 } };
}
