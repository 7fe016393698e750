import type { CreateScriptInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";

/** A new draft script: version 1 with one empty "Opening" section, ready for the builder. */
export async function createScript(db: Db, actor: Actor, input: CreateScriptInput) {
  requirePermission(actor, "scripts:write");
  return db.$transaction(async (tx) => {
    const script = await tx.interviewScript.create({
      data: {
        orgId: actor.orgId,
        title: input.title,
        role: input.role,
        status: "DRAFT",
        createdById: actor.userId,
        versions: {
          create: {
            version: 1,
            instructions: "",
            plannedMinutes: input.plannedMinutes,
            sections: { create: { position: 0, title: "Opening" } },
          },
        },
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, "script.created", ["InterviewScript", script.id], { title: input.title, role: input.role, version: 1 });
    return { id: script.id };
  });
}
