import type { Prisma } from "@/generated/prisma/client";

export const AMENDED_ACTION = "scorecard.amended";

export type Amendment = { at: Date; actorName: string; reason: string; before: unknown; after: unknown };

/** Amendments of the given scorecards, oldest first, read from the audit log (the one record of them). */
export async function listAmendments(
  db: Pick<Prisma.TransactionClient, "auditEvent">,
  orgId: string,
  scorecardIds: string[],
): Promise<Map<string, Amendment[]>> {
  const byScorecard = new Map<string, Amendment[]>();
  if (scorecardIds.length === 0) return byScorecard;
  const events = await db.auditEvent.findMany({
    where: { orgId, entityType: "Scorecard", entityId: { in: scorecardIds }, action: AMENDED_ACTION },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { entityId: true, createdAt: true, data: true, actor: { select: { name: true } } },
  });
  for (const event of events) {
    const data = (event.data ?? {}) as { reason?: unknown; before?: unknown; after?: unknown };
    const list = byScorecard.get(event.entityId) ?? [];
    list.push({
      at: event.createdAt,
      actorName: event.actor?.name ?? "Former member",
      reason: typeof data.reason === "string" ? data.reason : "",
      before: data.before ?? null,
      after: data.after ?? null,
    });
    byScorecard.set(event.entityId, list);
  }
  return byScorecard;
}
