// A vacancy stage as the strands procedures need it: in the actor's organisation (NOT_FOUND otherwise), with
// whether the actor may change it (the vacancy's managers and admins, as for its plan).
import type { Prisma } from "@/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { canEditVacancy, ONLY_MANAGERS } from "@/server/services/vacancies/_shared/vacancy-access";

type Tx = Pick<Prisma.TransactionClient, "vacancyStage">;

export async function loadStage(db: Tx, actor: Actor, stageId: string) {
  const stage = await db.vacancyStage.findFirst({
    where: { id: stageId, vacancy: { orgId: actor.orgId } },
    select: {
      id: true,
      name: true,
      vacancyId: true,
      strandsDeclaredAt: true,
      strandsLockedAt: true,
      vacancy: { select: { managers: { select: { userId: true } } } },
    },
  });
  if (!stage) throw notFound("Stage");
  return { ...stage, canEdit: canEditVacancy(actor, stage.vacancy.managers.map((m) => m.userId)) };
}

export function requireStageEditor(stage: { canEdit: boolean }): void {
  if (!stage.canEdit) throw new AppError("FORBIDDEN", ONLY_MANAGERS);
}
