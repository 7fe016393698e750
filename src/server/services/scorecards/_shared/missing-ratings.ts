import type { Prisma } from "@/generated/prisma/client";
import { appError } from "@/server/errors";

type MissingItem = { number: number; competencies: string };

/**
 * The required questions of the scorecard's script with a competency neither rated nor marked not
 * assessed, numbered as the panel sees them (1-based across sections). Computed in one query.
 */
export async function findMissingRatings(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  scorecardId: string,
  scriptVersionId: string,
): Promise<MissingItem[]> {
  return tx.$queryRaw<MissingItem[]>`
    WITH numbered AS (
      SELECT it.id, it.required,
             ROW_NUMBER() OVER (ORDER BY sec.position, sec.id, it.position, it.id)::int AS number
      FROM "ScriptItem" it
      JOIN "ScriptSection" sec ON sec.id = it."sectionId"
      WHERE sec."versionId" = ${scriptVersionId}
    )
    SELECT n.number, string_agg(c.name, ', ' ORDER BY ic.position) AS competencies
    FROM numbered n
    JOIN "ScriptItemCompetency" ic ON ic."itemId" = n.id
    JOIN "Competency" c ON c.id = ic."competencyId"
    LEFT JOIN "Rating" r
      ON r."scorecardId" = ${scorecardId} AND r."itemId" = n.id AND r."competencyId" = ic."competencyId"
    WHERE n.required AND (r.id IS NULL OR (r.score IS NULL AND NOT r."notAssessed"))
    GROUP BY n.number
    ORDER BY n.number`;
}

/** BAD_REQUEST naming every required question still to rate, e.g. "question 3 (Empathy), question 5 (Ethics, Crisis handling)". */
export async function assertRatingsComplete(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  scorecardId: string,
  scriptVersionId: string,
): Promise<void> {
  const missing = await findMissingRatings(tx, scorecardId, scriptVersionId);
  if (missing.length === 0) return;
  const list = missing.map((m) => ({ key: "scorecard.missingQuestion" as const, values: { number: String(m.number), competencies: m.competencies } }));
  throw appError("BAD_REQUEST", "scorecard.missingRatings", { list }, "ratings");
}
