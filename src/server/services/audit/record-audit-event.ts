import type { Prisma } from "@/generated/prisma/client";

type AuditClient = Pick<Prisma.TransactionClient, "auditEvent">;

export type AuditEntry = {
  orgId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Prisma.InputJsonValue;
};

/** Appends to the audit log, inside the caller's transaction so the change and its record land together. */
export async function recordAuditEvent(client: AuditClient, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({ data: { ...entry, data: entry.data ?? {} } });
}
