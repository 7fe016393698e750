import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { CandidateStatus } from "@/generated/prisma/enums";
import type { CandidateDebriefs, CandidateDebriefsInput } from "@/lib/schemas/debriefs";
import { chairsVacancy, debriefRowVisibleTo, debriefVisibleTo } from "@/server/access/debrief-visibility";
import { withheldAtStages } from "@/server/access/scorecard-visibility";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { countsBy } from "@/server/services/_shared/counts-by";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { decisionSelect, toDecisionView, withoutWithheldFigures } from "./_shared/selects";
import { loadStagePanel } from "./_shared/stage-panel";
import { decisionFiguresHidden, loadPlan, rankingStageIds, type PlanStageRow } from "./_shared/stage-scores";

const candidateRowSchema = z.object({
  id: z.string(),
  status: z.enum(CandidateStatus),
  stageId: z.string().nullable(),
  vacancyId: z.string(),
  isChair: z.boolean(),
});
const stageRowSchema = z.object({ stageId: z.string(), interviews: z.number().int(), visible: z.boolean() });
const idRowSchema = z.object({ id: z.string() });

/**
 * Per decided stage, which of the decision's stored figures the reader may not be shown: the rank it was
 * taken at is among the whole ranking at the stage, so it is hidden while a candidate in that ranking is
 * withheld from the reader (a panel, at a stage the ranking reads, they sit on without having submitted:
 * withheldAtStages), and the score too when that is this candidate (as getDebrief shows them). One query for
 * the vacancy's stages, and one more only when something is withheld.
 */
async function decisionFiguresWithheld(db: Db, actor: Actor, plan: readonly PlanStageRow[], candidateId: string, decidedStageIds: readonly string[]): Promise<Map<string, "rank" | "all">> {
  const result = new Map<string, "rank" | "all">();
  if (decidedStageIds.length === 0) return result;
  const withheld = await withheldAtStages(db, actor, plan.map((s) => s.id));
  if (withheld.size === 0) return result;
  const ids = [...new Set([...withheld.values()].flatMap((set) => [...set]))];
  // The withheld candidates scored at a decided stage: those its ranking can include.
  const scored = checkedRows(
    z.object({ candidateId: z.string(), stageId: z.string() }),
    await db.$queryRaw`SELECT DISTINCT "candidateId", "stageId" FROM "StageTally"
      WHERE "stageId" = ANY(${[...decidedStageIds]}::text[]) AND "candidateId" = ANY(${ids}::text[]) AND "n" > 0`,
  );
  for (const stageId of decidedStageIds) {
    const read = rankingStageIds(plan, stageId).flatMap((s) => [...(withheld.get(s) ?? [])]);
    const hide = decisionFiguresHidden(candidateId, read, (id) => scored.some((r) => r.stageId === stageId && r.candidateId === id));
    if (hide) result.set(stageId, hide);
  }
  return result;
}

/**
 * A candidate's stage history for their page: the vacancy's stages in plan order, where the candidate is
 * now, and each stage's debrief and decision (with its rationale) that the viewer may read under the one
 * access rule; a hidden debrief is left out as if there were none (and a decision's rank, while part of the
 * ranking it was taken against is withheld from the viewer). For a chair, the stages ready to be
 * debriefed say who has still to submit.
 */
export async function listCandidateDebriefs(db: Db, actor: Actor, input: CandidateDebriefsInput): Promise<CandidateDebriefs> {
  const [candidate] = checkedRows(
    candidateRowSchema,
    await db.$queryRaw`
      SELECT c."id", c."status", c."stageId", c."vacancyId", ${chairsVacancy(actor, Prisma.raw(`c."vacancyId"`))} AS "isChair"
      FROM "Candidate" c WHERE c."id" = ${input.candidateId} AND c."orgId" = ${actor.orgId}`,
  );
  if (!candidate) throw notFound("Candidate");

  const [plan, stageRows, visibleIds] = await Promise.all([
    loadPlan(db, candidate.vacancyId),
    db.$queryRaw`
      SELECT s."id" AS "stageId",
        (SELECT count(*) FROM "Interview" i WHERE i."candidateId" = ${candidate.id} AND i."stageId" = s."id"
          AND i."status" <> 'CANCELLED'::"InterviewStatus")::int AS "interviews",
        ${debriefVisibleTo(actor, Prisma.sql`${candidate.id}`, Prisma.raw(`s."id"`))} AS "visible"
      FROM "VacancyStage" s WHERE s."vacancyId" = ${candidate.vacancyId}`.then((rows) => checkedRows(stageRowSchema, rows)),
    db.$queryRaw`SELECT d."id" FROM "Debrief" d WHERE d."candidateId" = ${candidate.id} AND ${debriefRowVisibleTo(actor)}`.then((rows) =>
      checkedRows(idRowSchema, rows).map((r) => r.id),
    ),
  ]);
  const [debriefs, correctionRows] = await Promise.all([
    db.debrief.findMany({
      where: { id: { in: visibleIds } },
      select: { id: true, stageId: true, status: true, openedAt: true, closedAt: true, decision: { select: decisionSelect } },
    }),
    // Grouped from these debriefs' corrections only, not with a relation _count (see countsBy).
    db.debriefCorrection.groupBy({ by: ["debriefId"], where: { debriefId: { in: visibleIds } }, _count: { _all: true } }),
  ]);
  const hideFigures = await decisionFiguresWithheld(db, actor, plan, candidate.id, debriefs.flatMap((d) => (d.decision ? [d.stageId] : [])));
  const correctionsOf = countsBy(correctionRows, "debriefId");
  const debriefOf = new Map(debriefs.map((d) => [d.stageId, d]));
  const factsOf = new Map(stageRows.map((s) => [s.stageId, s]));

  const stages = await Promise.all(
    plan.map(async (stage) => {
      const facts = factsOf.get(stage.id);
      const debrief = debriefOf.get(stage.id);
      const mayOpen = candidate.isChair && !debrief && facts?.visible === true && (facts.interviews ?? 0) > 0;
      const missing = mayOpen ? (await loadStagePanel(db, actor.orgId, candidate.id, stage.id)).missing : null;
      return {
        id: stage.id,
        name: stage.name,
        position: stage.position,
        counts: stage.counts,
        isCurrent: candidate.stageId === stage.id,
        interviews: facts?.interviews ?? 0,
        debrief: debrief
          ? {
              id: debrief.id,
              status: debrief.status,
              openedAt: debrief.openedAt,
              closedAt: debrief.closedAt,
              corrections: correctionsOf(debrief.id),
              decision: debrief.decision ? withoutWithheldFigures(toDecisionView(debrief.decision), hideFigures.get(stage.id)) : null,
            }
          : null,
        missing,
      };
    }),
  );
  return { candidateId: candidate.id, status: candidate.status, currentStageId: candidate.stageId, chairs: candidate.isChair, stages };
}
