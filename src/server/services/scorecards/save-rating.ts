import type { SaveRatingInput, SaveRatingResult } from "@/lib/schemas/scorecards";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { poolBehind, type Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Actor, MemberRef } from "@/server/services/actor";
import { ownDraftOrRefusal } from "./_shared/own-draft-or-refusal";
import { saveRatingStatement } from "./_shared/save-rating-statement";
import { NOT_ON_SCRIPT } from "./_shared/scorecard-messages";

type Written = { version: number; scorecardVersion: number };

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
  const rows = await runWrite(db, saveRatingStatement(member, input));
  const written = rows[0];
  if (written) return { status: "saved", version: written.version, scorecardVersion: written.scorecardVersion };
  return explainUnsaved(db, await requireActor(), input);
}

// Statement texts are fixed (every value is a parameter): one name per text, computed once.
const statementNames = new Map<string, string>();
const statementName = (text: string) => {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `panelkit_save_rating_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`));
  return name;
};

/**
 * On the app's own pool the statement goes straight through `pg`, as a named prepared statement: each
 * connection parses it once and PostgreSQL may reuse its plan, where sent unnamed it was parsed and planned
 * on every save. Prisma's raw query (other clients: tests, scripts) runs the very same text and values.
 */
async function runWrite(db: Db, statement: Prisma.Sql): Promise<Written[]> {
  const pool = poolBehind(db);
  if (!pool) return db.$queryRaw<Written[]>(statement);
  const { rows } = await pool.query<Written>({ name: statementName(statement.text), text: statement.text, values: statement.values });
  return rows;
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
