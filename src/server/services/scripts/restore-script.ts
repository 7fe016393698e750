// Restoring brings an archived script back. Idempotent: restoring a live script changes nothing.
import type { ScriptByIdInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { claimScript } from "./_shared/claim-script";
import { findScriptStatus } from "./_shared/find-script-status";

/** Brings an archived script back: PUBLISHED when any version was published, otherwise DRAFT. */
export async function restoreScript(db: Db, actor: Actor, input: ScriptByIdInput) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const current = await findScriptStatus(tx, actor, input.id);
    if (current.status !== "ARCHIVED") return { id: current.id, status: current.status };
    const status = current.everPublished ? "PUBLISHED" : "DRAFT";
    const { before, after } = await claimScript(tx, actor, current.id, { data: { status } });
    if (before.status !== "ARCHIVED") return { id: after.id, status: after.status };
    await recordActorEvent(tx, actor, "script.restored", ["InterviewScript", after.id], { status });
    return { id: after.id, status: after.status };
  });
}
