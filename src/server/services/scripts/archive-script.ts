// Archiving hides a script from the default list and from editing; interviews keep their versions.
// Idempotent: archiving an archived script changes nothing (restore-script.ts brings one back).
import type { ScriptByIdInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { claimScript } from "./_shared/claim-script";
import { findScriptStatus } from "./_shared/find-script-status";

export async function archiveScript(db: Db, actor: Actor, input: ScriptByIdInput) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const current = await findScriptStatus(tx, actor, input.id);
    if (current.status === "ARCHIVED") return { id: current.id, status: current.status };
    const { before, after } = await claimScript(tx, actor, current.id, { data: { status: "ARCHIVED" } });
    if (before.status === "ARCHIVED") return { id: after.id, status: after.status };
    await recordActorEvent(tx, actor, "script.archived", ["InterviewScript", after.id], { previousStatus: before.status });
    return { id: after.id, status: after.status };
  });
}
