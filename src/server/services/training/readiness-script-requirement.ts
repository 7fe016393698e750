// A script's practice requirement as its page shows it: whether panelists must be ready, within how many
// months, the organisation's threshold and mode, and whether the reader may change it.
import type { ScriptRequirement, ScriptRequirementInput } from "@/lib/schemas/readiness";
import { roleHas } from "@/server/auth/permissions";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadScriptRule } from "./readiness-rules";

export async function getScriptRequirement(db: Db, actor: Actor, input: ScriptRequirementInput): Promise<ScriptRequirement> {
  requirePermission(actor, "scripts:read");
  const rule = await loadScriptRule(db, actor.orgId, input.scriptId);
  if (!rule) throw notFound("Script");
  const script = await db.interviewScript.findUniqueOrThrow({ where: { id: rule.scriptId }, select: { status: true } });
  return {
    scriptId: rule.scriptId,
    practiceRequired: rule.practiceRequired,
    practiceMonths: rule.practiceMonths,
    practiceMaxMad: rule.practiceMaxMad,
    practiceUnreadyMode: rule.practiceUnreadyMode,
    canEdit: roleHas(actor.role, "scripts:write") && script.status !== "ARCHIVED",
  };
}
