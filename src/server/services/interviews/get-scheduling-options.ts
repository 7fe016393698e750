import type { SchedulingOptions } from "@/lib/schemas/interviews";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { stageProblem, stageScriptSelect } from "./_shared/stage-rules";

/**
 * What the scheduling form offers: active candidates with their vacancy and current stage, the stages of
 * those vacancies (script, default panel, and why one can't be used yet), and the members.
 */
export async function getSchedulingOptions(db: Db, actor: Actor): Promise<SchedulingOptions> {
  requirePermission(actor, "interviews:write");
  const [candidates, members] = await Promise.all([
    db.candidate.findMany({
      where: { orgId: actor.orgId, status: "ACTIVE", anonymizedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, vacancyId: true, stageId: true, vacancy: { select: { title: true } } },
    }),
    db.membership.findMany({
      where: { orgId: actor.orgId },
      orderBy: { user: { name: "asc" } },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
  ]);
  const vacancies = await db.vacancy.findMany({
    where: { orgId: actor.orgId, id: { in: [...new Set(candidates.map((c) => c.vacancyId))] } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      stages: {
        orderBy: { position: "asc" },
        select: { ...stageScriptSelect, panel: { orderBy: { user: { name: "asc" } }, select: { userId: true } } },
      },
    },
  });
  return {
    candidates: candidates.map((c) => ({
      id: c.id,
      name: c.name,
      vacancyId: c.vacancyId,
      vacancyTitle: c.vacancy.title,
      stageId: c.stageId,
    })),
    vacancies: vacancies.map((v) => ({
      id: v.id,
      title: v.title,
      stages: v.stages.map((s) => ({
        id: s.id,
        name: s.name,
        scriptTitle: s.scriptVersion?.script.title ?? null,
        scriptVersion: s.scriptVersion?.version ?? null,
        panelUserIds: s.panel.map((p) => p.userId),
        problem: stageProblem(s),
      })),
    })),
    members: members.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role })),
  };
}
