import { SCRIPT_TITLE_MAX, type ScriptByIdInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { findWorkingVersion } from "./_shared/claim-script";
import { countItems, readVersionContent, writeVersionContent } from "./_shared/script-content";

/** A new draft script whose version 1 is a copy of the working version of another (archived ones too). */
export async function duplicateScript(db: Db, actor: Actor, input: ScriptByIdInput) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const source = await tx.interviewScript.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: { id: true, title: true, role: true },
    });
    if (!source) throw notFound("Script");
    const working = await findWorkingVersion(tx, source.id);
    const content = await readVersionContent(tx, working.id);
    const copy = await tx.interviewScript.create({
      data: {
        orgId: actor.orgId,
        title: `Copy of ${source.title}`.slice(0, SCRIPT_TITLE_MAX),
        role: source.role,
        status: "DRAFT",
        createdById: actor.userId,
        versions: { create: { version: 1 } },
      },
      select: { id: true, versions: { select: { id: true } } },
    });
    await writeVersionContent(tx, copy.versions[0]!.id, content);
    await recordActorEvent(tx, actor, "script.duplicated", ["InterviewScript", copy.id], { fromScriptId: source.id, fromVersion: working.version, items: countItems(content) });
    return { id: copy.id };
  });
}
