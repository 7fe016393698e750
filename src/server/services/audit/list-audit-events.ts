// Reading the audit log: the organisation's events, newest first, filtered, a page at a time. There is
// deliberately no service that changes or removes an event (and the database refuses it too).
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { isAuditAction, type AuditAction } from "./audit-actions";

export type AuditFilters = {
  action?: AuditAction;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
};

export type ListAuditEventsInput = AuditFilters & {
  /** The id of the last event of the previous page (ids grow with time, so "older than" is "id below"). */
  cursor?: string | null;
  limit: number;
};

const parseCursor = (cursor: string): bigint => {
  // Ids are bigints: 19 digits can still pass its largest value.
  if (!/^\d{1,19}$/.test(cursor) || BigInt(cursor) > 9_223_372_036_854_775_807n) throw new AppError("BAD_REQUEST", { key: "request.badPageLink" }, "cursor");
  return BigInt(cursor);
};

export async function listAuditEvents(db: Db, actor: Actor, input: ListAuditEventsInput) {
  requirePermission(actor, "audit:read");
  const where: Prisma.AuditEventWhereInput = {
    orgId: actor.orgId,
    ...(input.action ? { action: input.action } : {}),
    ...(input.actorId ? { actorId: input.actorId === "system" ? null : input.actorId } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.from || input.to
      ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
    ...(input.cursor ? { id: { lt: parseCursor(input.cursor) } } : {}),
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      data: true,
      actorId: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    events: page.map((e) => ({
      id: e.id.toString(),
      createdAt: e.createdAt,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actor: e.actor ? { id: e.actorId!, name: e.actor.name, email: e.actor.email } : null,
      data: JSON.stringify(e.data ?? {}),
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id.toString() : null,
  };
}

/** Choices for the filters: actions and entity types that occur in this organisation's log, and its members. */
export async function listAuditFilterOptions(db: Db, actor: Actor) {
  requirePermission(actor, "audit:read");
  const [actions, entityTypes, members] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where: { orgId: actor.orgId }, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], where: { orgId: actor.orgId }, orderBy: { entityType: "asc" } }),
    db.membership.findMany({
      where: { orgId: actor.orgId },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    // Every action written is in AUDIT_ACTIONS; the filter offers only what it can take.
    actions: actions.map((a) => a.action).filter(isAuditAction),
    entityTypes: entityTypes.map((e) => e.entityType),
    actors: members.map((m) => ({ id: m.user.id, name: m.user.name })),
  };
}
