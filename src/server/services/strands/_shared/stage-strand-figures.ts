// A stage's strand figures as a reader may see them: whether the stage has strands to show (a declared
// policy, or a seat marked other than staff on one of its interviews), its policy, and each candidate's
// figures per strand read through the one visibility rule (pending seats withhold, shadows never count).
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { StrandPolicyRow } from "@/lib/strands/strand-math";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Actor } from "@/server/services/actor";
import { loadStagePolicies, strandScoresAt, type CandidateStrandScores } from "./strand-scores";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

const stageRowSchema = z.object({ id: z.string(), name: z.string(), vacancyId: z.string(), marked: z.boolean() });

/** The actor's organisation's stages among `stageIds` that have strands to show, with their names. */
export async function stagesWithStrands(db: Reader, actor: Actor, stageIds: readonly string[]) {
  if (stageIds.length === 0) return [];
  const rows = checkedRows(
    stageRowSchema,
    await db.$queryRaw`
      SELECT vs."id", vs."name", vs."vacancyId",
        (EXISTS (SELECT 1 FROM "VacancyStageStrand" p WHERE p."stageId" = vs."id")
          OR EXISTS (SELECT 1 FROM "Interview" i JOIN "PanelMember" pm ON pm."interviewId" = i."id"
            WHERE i."stageId" = vs."id" AND pm."strand" <> 'STAFF'::"PanelStrand" AND NOT pm."shadow")) AS "marked"
      FROM "VacancyStage" vs JOIN "Vacancy" v ON v."id" = vs."vacancyId"
      WHERE vs."id" = ANY(${[...stageIds]}::text[]) AND v."orgId" = ${actor.orgId}
      ORDER BY vs."position", vs."id"`,
  );
  return rows.filter((r) => r.marked);
}

export type StageFigures = { stageId: string; stageName: string; vacancyId: string; policy: StrandPolicyRow[]; byCandidate: Map<string, CandidateStrandScores> };

/** The stage's policy and every candidate's strand figures there that the actor may see; null without strands. */
export async function stageStrandFigures(db: Reader, actor: Actor, stageId: string): Promise<StageFigures | null> {
  const [stage] = await stagesWithStrands(db, actor, [stageId]);
  if (!stage) return null;
  const [policies, byCandidate] = await Promise.all([loadStagePolicies(db, [stage.id]), strandScoresAt(db, actor.orgId, stage.id, { actor })]);
  return { stageId: stage.id, stageName: stage.name, vacancyId: stage.vacancyId, policy: policies.get(stage.id) ?? [], byCandidate };
}
