import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction } from "./audit-actions";

type AuditClient = Pick<Prisma.TransactionClient, "auditEvent">;

export type AuditEntry = {
  orgId: string | null;
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
};

/**
 * Keys an event's details may never carry: a rating, a recommendation or the words someone wrote about a
 * candidate. Audit rows can't be edited or erased, and admins read them while they may sit on a panel, so
 * an event says what kind of thing changed (field names, counts, ids), never the value. A count under one
 * of the text keys ("notes: 3") is fine; a rating or recommendation is refused in any form.
 */
const NEVER_RECORDED = new Set(["recommendation", "score", "scores"]);
const NO_TEXT_UNDER = new Set(["rating", "ratings", "summary", "note", "notes", "body", "reason", "location", "before", "after", "phone"]);

function forbiddenDetail(key: string, value: unknown): boolean {
  if (NEVER_RECORDED.has(key)) return true;
  return NO_TEXT_UNDER.has(key) && typeof value !== "number" && typeof value !== "boolean" && value !== null;
}

/** The forbidden keys found anywhere in `data` (nested objects and arrays too), as dotted paths. */
export function forbiddenAuditDetails(data: unknown, path = ""): string[] {
  if (Array.isArray(data)) return data.flatMap((value, i) => forbiddenAuditDetails(value, `${path}[${i}]`));
  if (data === null || typeof data !== "object") return [];
  return Object.entries(data).flatMap(([key, value]) => {
    const here = path ? `${path}.${key}` : key;
    return [...(forbiddenDetail(key, value) ? [here] : []), ...forbiddenAuditDetails(value, here)];
  });
}

/** Appends to the audit log, inside the caller's transaction so the change and its record land together. */
export async function recordAuditEvent(client: AuditClient, entry: AuditEntry): Promise<void> {
  const forbidden = forbiddenAuditDetails(entry.data);
  // A programming error, refused before anything is written: the change's transaction rolls back with it.
  if (forbidden.length > 0) throw new Error(`Audit event ${entry.action} would record ${forbidden.join(", ")}: record what changed, not the value.`);
  await client.auditEvent.create({ data: { ...entry, data: entry.data ?? {} } });
}

/**
 * The common case: a member acting in their organisation. `entity` is the record's type and id, e.g.
 * ["Candidate", candidate.id].
 */
export function recordActorEvent(
  client: AuditClient,
  actor: { orgId: string; userId: string },
  action: AuditAction,
  [entityType, entityId]: readonly [string, string],
  data?: Prisma.InputJsonValue,
): Promise<void> {
  return recordAuditEvent(client, { orgId: actor.orgId, actorId: actor.userId, action, entityType, entityId, data });
}
