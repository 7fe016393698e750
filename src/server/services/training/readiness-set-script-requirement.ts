// Script writers say whether a script's panelists must be ready (a practice session on it within N months,
// at or under the organisation's threshold). Not a content change: the script's updatedAt stays, so a builder
// open in another tab keeps saving; refused for an archived script. Audited when something changed.
import { z } from "zod";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { ScriptRequirement, SetScriptRequirementInput } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { refuseIfShownChanged } from "@/server/services/_shared/lock-for-update";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { getScriptRequirement } from "./readiness-script-requirement";

const lockedScriptSchema = z.object({ status: z.string(), practiceRequired: z.boolean(), practiceMonths: z.number().int() });

export async function setScriptRequirement(db: Db, actor: Actor, input: SetScriptRequirementInput): Promise<ScriptRequirement> {
  requirePermission(actor, "scripts:write");
  await db.$transaction(async (tx) => {
    // Row-locked, so two writers take turns and each audit entry says what it changed.
    const [before] = checkedRows(
      lockedScriptSchema,
      await tx.$queryRaw`SELECT "status"::text AS "status", "practiceRequired", "practiceMonths" FROM "InterviewScript"
        WHERE "id" = ${input.scriptId} AND "orgId" = ${actor.orgId} FOR UPDATE`,
    );
    if (!before) throw notFound("Script");
    if (before.status === "ARCHIVED") throw new AppError("CONFLICT", { key: "training.scriptArchived" });
    refuseIfShownChanged(input.shown, before, { key: "training.requirementChangedElsewhere" });
    if (before.practiceRequired === input.practiceRequired && before.practiceMonths === input.practiceMonths) return;
    // Plain SQL: Prisma would move updatedAt, which the builder uses to spot content changed elsewhere.
    await tx.$executeRaw`UPDATE "InterviewScript" SET "practiceRequired" = ${input.practiceRequired}, "practiceMonths" = ${input.practiceMonths}
      WHERE "id" = ${input.scriptId} AND "orgId" = ${actor.orgId}`;
    await recordActorEvent(tx, actor, "script.practice_requirement_changed", ["InterviewScript", input.scriptId], {
      from: { practiceRequired: before.practiceRequired, practiceMonths: before.practiceMonths },
      to: { practiceRequired: input.practiceRequired, practiceMonths: input.practiceMonths },
    });
  });
  return getScriptRequirement(db, actor, { scriptId: input.scriptId });
}
