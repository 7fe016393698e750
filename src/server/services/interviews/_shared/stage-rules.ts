// Which script an interview at a stage uses, and why a stage can't be scheduled yet: the plan gives each
// stage one published script version, and an interview is only scheduled on the script's latest one.
import type { Prisma } from "@/generated/prisma/client";
import type { StageProblem } from "@/lib/schemas/interviews";
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

/**
 * Why interviews can't be scheduled at the stage, as facts (the scheduling form words them), or null. The
 * refusal words the same case through errors.json (interview.<kind>) in its reader's language.
 */
export function stageProblem(stage: StageScript): StageProblem | null {
  const version = stage.scriptVersion;
  if (!stage.scriptVersionId || !version) return { kind: "stageNoScript", values: { stage: stage.name } };
  const script = version.script.title;
  if (version.publishedAt === null) return { kind: "stageDraft", values: { stage: stage.name, script } };
  if (version.script.status === "ARCHIVED") return { kind: "stageArchived", values: { stage: stage.name, script } };
  const latest = version.script.versions[0]?.version ?? version.version;
  if (latest > version.version) return { kind: "stageReplaced", values: { stage: stage.name, script, version: version.version, latest } };
  return null;
}

/** The refusal for a stage problem, worded by errors.json. */
const stageRefusal = (problem: StageProblem) => new AppError("BAD_REQUEST", { key: `interview.${problem.kind}`, values: problem.values }, "stageId");

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
  if (problem) throw stageRefusal(problem);
  if (!stage.scriptVersionId) throw stageRefusal({ kind: "stageNoScript", values: { stage: stage.name } });
  return {
    id: stage.id,
    name: stage.name,
    scriptVersionId: stage.scriptVersionId,
    panelUserIds: stage.panel.map((p) => p.userId),
  };
}
