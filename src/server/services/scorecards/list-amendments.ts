import type { Prisma } from "@/generated/prisma/client";
import type { Amendment } from "@/lib/schemas/scorecards";

/**
 * Amendments of the given scorecards, oldest first. Their words (reason, notes, summary) live in
 * ScorecardAmendment, not in the append-only audit log, so that erasing a candidate can remove them.
 */
export async function listAmendments(
  db: Pick<Prisma.TransactionClient, "scorecardAmendment">,
  orgId: string,
  scorecardIds: string[],
): Promise<Map<string, Amendment[]>> {
  const byScorecard = new Map<string, Amendment[]>();
  if (scorecardIds.length === 0) return byScorecard;
  const rows = await db.scorecardAmendment.findMany({
    where: { scorecardId: { in: scorecardIds }, scorecard: { orgId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { scorecardId: true, createdAt: true, reason: true, before: true, after: true, actor: { select: { name: true } } },
  });
  for (const row of rows) {
    const list = byScorecard.get(row.scorecardId) ?? [];
    list.push({
      at: row.createdAt,
      actorName: row.actor?.name ?? "Former member",
      reason: row.reason,
      before: row.before ?? null,
      after: row.after ?? null,
    });
    byScorecard.set(row.scorecardId, list);
  }
  return byScorecard;
}
