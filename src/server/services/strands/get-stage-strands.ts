import type { StageIdInput, StageStrands } from "@/lib/schemas/strands";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { loadStage } from "./_shared/stage-access";

/**
 * A vacancy stage's strands for its plan page: the declared policy (how the strands combine in the weighted
 * score), when it was declared and locked, and the default panel with each member's strand.
 */
export async function getStageStrands(db: Db, actor: Actor, input: StageIdInput): Promise<StageStrands> {
  requirePermission(actor, "candidates:read");
  const stage = await loadStage(db, actor, input.stageId);
  const [policy, panel] = await Promise.all([
    db.vacancyStageStrand.findMany({ where: { stageId: stage.id }, orderBy: { strand: "asc" }, select: { strand: true, mode: true, weight: true } }),
    db.vacancyStagePanelist.findMany({
      where: { stageId: stage.id },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
      select: { userId: true, strand: true, user: { select: { name: true } } },
    }),
  ]);
  return {
    stageId: stage.id,
    stageName: stage.name,
    canEdit: stage.canEdit,
    declaredAt: stage.strandsDeclaredAt,
    lockedAt: stage.strandsLockedAt,
    policy,
    panel: panel.map((p) => ({ userId: p.userId, name: p.user.name, strand: p.strand })),
  };
}
