// Which script an interview at a stage uses, and why a stage can't be scheduled yet: the plan gives each
// stage one published script version, and an interview is only scheduled on the script's latest one.
import type { Prisma } from "@/generated/prisma/client";
import { AppError, notFound } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/** A stage's script as the checks read it. */
export const stageScriptSelect = {
  id: true,
  name: true,
  vacancyId: true,
  scriptVersionId: true,
  scriptVersion: {
    select: {
      version: true,
      publishedAt: true,
      script: {
        select: {
          title: true,
          status: true,
          versions: {
            where: { publishedAt: { not: null } },
            orderBy: { version: "desc" },
            take: 1,
            select: { version: true },
          },
        },
      },
    },
  },
} satisfies Prisma.VacancyStageSelect;

type StageScript = Prisma.VacancyStageGetPayload<{ select: typeof stageScriptSelect }>;

/** Why interviews can't be scheduled at the stage (a sentence for the person scheduling), or null. */
export function stageProblem(stage: StageScript): string | null {
  const version = stage.scriptVersion;
  if (!stage.scriptVersionId || !version) {
    return `Stage «${stage.name}» has no script yet: choose one in the vacancy's interview plan.`;
  }
  if (version.publishedAt === null) {
    return `Stage «${stage.name}» uses a draft of «${version.script.title}»: publish it or choose another version in the vacancy's interview plan.`;
  }
  if (version.script.status === "ARCHIVED") {
    return `Stage «${stage.name}» uses «${version.script.title}», which is archived: restore it or choose another script in the vacancy's interview plan.`;
  }
  const latest = version.script.versions[0]?.version ?? version.version;
  if (latest > version.version) {
    return `Stage «${stage.name}» uses version ${version.version} of «${version.script.title}», which was replaced by version ${latest}: update the plan.`;
  }
  return null;
}

/**
 * The stage an interview of the candidate is scheduled at: one of their vacancy's stages (left out: their
 * current stage) whose script version can be used. Another organisation's stage is not found.
 */
export async function schedulableStage(
  tx: Tx,
  orgId: string,
  candidate: { vacancyId: string; stageId: string | null; vacancy: { title: string } },
  stageId: string | undefined,
) {
  const wanted = stageId ?? candidate.stageId;
  if (!wanted) {
    throw new AppError("BAD_REQUEST", { key: "interview.noPlan", values: { vacancy: candidate.vacancy.title } }, "stageId");
  }
  const stage = await tx.vacancyStage.findFirst({
    where: { id: wanted, vacancy: { orgId } },
    select: { ...stageScriptSelect, panel: { orderBy: { user: { name: "asc" } }, select: { userId: true } } },
  });
  if (!stage) throw notFound("Stage");
  if (stage.vacancyId !== candidate.vacancyId) {
    throw new AppError(
      "BAD_REQUEST",
      { key: "interview.stageOfAnotherVacancy", values: { stage: stage.name, vacancy: candidate.vacancy.title } },
      "stageId",
    );
  }
  const problem = stageProblem(stage);
  if (problem || !stage.scriptVersionId) throw new AppError("BAD_REQUEST", problem ?? "", "stageId");
  return {
    id: stage.id,
    name: stage.name,
    scriptVersionId: stage.scriptVersionId,
    panelUserIds: stage.panel.map((p) => p.userId),
  };
}
