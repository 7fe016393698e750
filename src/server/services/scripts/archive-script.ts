// Archiving hides a script from the default list and from editing; interviews keep their versions.
// Both are idempotent: archiving an archived script (or restoring a live one) changes nothing.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { claimScript } from "./claim-script";

type Tx = Prisma.TransactionClient;

async function findStatus(tx: Tx, actor: Actor, id: string) {
  const script = await tx.interviewScript.findFirst({
    where: { id, orgId: actor.orgId },
    select: { id: true, status: true, versions: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 } },
  });
  if (!script) throw notFound("Script");
  return { id: script.id, status: script.status, everPublished: script.versions.length > 0 };
}

export async function archiveScript(db: Db, actor: Actor, input: { id: string }) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const current = await findStatus(tx, actor, input.id);
    if (current.status === "ARCHIVED") return { id: current.id, status: current.status };
    const { before, after } = await claimScript(tx, actor, current.id, { data: { status: "ARCHIVED" } });
    if (before.status === "ARCHIVED") return { id: after.id, status: after.status };
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "script.archived",
      entityType: "InterviewScript",
      entityId: after.id,
      data: { previousStatus: before.status },
    });
    return { id: after.id, status: after.status };
  });
}

/** Brings an archived script back: PUBLISHED when any version was published, otherwise DRAFT. */
export async function restoreScript(db: Db, actor: Actor, input: { id: string }) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const current = await findStatus(tx, actor, input.id);
    if (current.status !== "ARCHIVED") return { id: current.id, status: current.status };
    const status = current.everPublished ? "PUBLISHED" : "DRAFT";
    const { before, after } = await claimScript(tx, actor, current.id, { data: { status } });
    if (before.status !== "ARCHIVED") return { id: after.id, status: after.status };
    await recordAuditEvent(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: "script.restored",
      entityType: "InterviewScript",
      entityId: after.id,
      data: { status },
    });
    return { id: after.id, status: after.status };
  });
}
