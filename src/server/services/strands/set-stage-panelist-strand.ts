import type { SetStagePanelistStrandInput, StageStrands } from "@/lib/schemas/strands";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { NOT_ON_STAGE_PANEL } from "./_shared/messages";
import { loadStage, requireStageEditor } from "./_shared/stage-access";
import { getStageStrands } from "./get-stage-strands";

/** Marks a member of a stage's default panel as staff, external or service user (copied onto new interviews). */
export async function setStagePanelistStrand(db: Db, actor: Actor, input: SetStagePanelistStrandInput): Promise<StageStrands> {
  requirePermission(actor, "vacancies:write");
  await db.$transaction(async (tx) => {
    const stage = await loadStage(tx, actor, input.stageId);
    requireStageEditor(stage);
    const updated = await tx.vacancyStagePanelist.updateMany({ where: { stageId: stage.id, userId: input.userId }, data: { strand: input.strand } });
    if (updated.count === 0) throw new AppError("BAD_REQUEST", NOT_ON_STAGE_PANEL, "userId");
    await recordActorEvent(tx, actor, "strands.member_strand_set", ["VacancyStage", stage.id], { userId: input.userId, strand: input.strand });
  });
  return getStageStrands(db, actor, { stageId: input.stageId });
}
