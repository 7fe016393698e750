// Each member's readiness for the script of an interview (the panel manager) or of the stage an interview is
// being scheduled at (the schedule form), with the script's requirement and the organisation's mode.
import type { PanelReadiness, PanelReadinessInput } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadReadiness, loadScriptRule } from "./readiness-rules";

export async function getPanelReadiness(db: Db, actor: Actor, input: PanelReadinessInput): Promise<PanelReadiness> {
  requirePermission(actor, "interviews:write");
  const scriptId = input.interviewId !== undefined ? await interviewScript(db, actor, input.interviewId) : await stageScript(db, actor, input.stageId!);
  const rule = await loadScriptRule(db, actor.orgId, scriptId);
  if (!rule) throw notFound("Script");
  const members = await db.membership.findMany({
    where: { orgId: actor.orgId },
    select: { user: { select: { id: true, name: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  return {
    scriptId: rule.scriptId,
    scriptTitle: rule.scriptTitle,
    practiceRequired: rule.practiceRequired,
    practiceMonths: rule.practiceMonths,
    practiceMaxMad: rule.practiceMaxMad,
    practiceUnreadyMode: rule.practiceUnreadyMode,
    members: await loadReadiness(db, actor, rule, members.map((m) => ({ userId: m.user.id, name: m.user.name }))),
  };
}

async function interviewScript(db: Db, actor: Actor, interviewId: string): Promise<string> {
  const interview = await db.interview.findFirst({
    where: { id: interviewId, orgId: actor.orgId },
    select: { scriptVersion: { select: { scriptId: true } } },
  });
  if (!interview) throw notFound("Interview");
  return interview.scriptVersion.scriptId;
}

async function stageScript(db: Db, actor: Actor, stageId: string): Promise<string> {
  const stage = await db.vacancyStage.findFirst({
    where: { id: stageId, vacancy: { orgId: actor.orgId } },
    select: { scriptVersion: { select: { scriptId: true } } },
  });
  if (!stage) throw notFound("Stage");
  if (!stage.scriptVersion) throw new AppError("BAD_REQUEST", { key: "training.stageHasNoScript" }, "stageId");
  return stage.scriptVersion.scriptId;
}
