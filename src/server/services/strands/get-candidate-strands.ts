import { DecisionOutcome } from "@/generated/prisma/enums";
import type { CandidateStageStrands, CandidateStrands, CandidateStrandsInput } from "@/lib/schemas/strands";
import { combineStrands, preferredByStrand, STRANDS, strandSpread, strandsAgreeOnTop, strandsLeftOut, type Strand } from "@/lib/strands/strand-math";
import { withheldAtStages } from "@/server/access/scorecard-visibility";
import { roleHas } from "@/server/auth/permissions";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { canEditVacancy } from "@/server/services/vacancies/_shared/vacancy-access";
import { departuresShown } from "./_shared/strand-departure";
import { stagesWithStrands, stageStrandFigures } from "./_shared/stage-strand-figures";

/**
 * A candidate's strands, stage by stage (the stages of their interviews that have strands): each strand's
 * weighted score, the pooled and the combined score, how far the strands agree (the spread between them, and
 * whether they prefer the same candidate among the stage's candidates the reader sees), all read through the
 * one visibility rule. For the candidate summary and the debrief; readers with insights or a seat on one of
 * the candidate's panels (anyone else: NOT_FOUND, as for another organisation's candidate). A chair also
 * learns which outcomes would depart from the service-user strand's preferred candidate, unless that compares
 * a candidate whose panel at the stage they sit on without having submitted (then none is listed).
 */
export async function getCandidateStrands(db: Db, actor: Actor, input: CandidateStrandsInput): Promise<CandidateStrands> {
  const candidate = await db.candidate.findFirst({
    where: { id: input.candidateId, orgId: actor.orgId },
    select: {
      id: true,
      vacancy: { select: { managers: { select: { userId: true } } } },
      interviews: { where: { status: { not: "CANCELLED" } }, select: { stageId: true, panel: { where: { userId: actor.userId }, select: { userId: true } } } },
    },
  });
  const seated = candidate?.interviews.some((i) => i.panel.length > 0) ?? false;
  if (!candidate || (!seated && !roleHas(actor.role, "insights:read"))) throw notFound("Candidate");
  const chair = roleHas(actor.role, "debriefs:chair") && canEditVacancy(actor, candidate.vacancy.managers.map((m) => m.userId));
  const stageIds = [...new Set(candidate.interviews.flatMap((i) => (i.stageId ? [i.stageId] : [])))];
  const stages = await stagesWithStrands(db, actor, stageIds);
  // Which outcomes depart is worked out from every counting scorecard: not told while a candidate it compares
  // is withheld from the chair (a panel they sit on without having submitted, where others have).
  const withheld = chair ? await withheldAtStages(db, actor, stages.map((s) => s.id)) : null;
  const result: CandidateStageStrands[] = [];
  for (const stage of stages) {
    const figures = await stageStrandFigures(db, actor, stage.id);
    if (!figures) continue;
    const own = figures.byCandidate.get(candidate.id);
    const scores = own?.scores ?? {};
    const preferred = preferredByStrand([...figures.byCandidate].map(([candidateId, f]) => ({ candidateId, scores: f.scores })));
    const departures = withheld ? await departuresShown(db, actor.orgId, stage.id, candidate.id, withheld.get(stage.id) ?? new Set()) : null;
    result.push({
      stageId: stage.id,
      stageName: stage.name,
      policy: figures.policy,
      strands: STRANDS.filter((s) => own?.scorecards[s] !== undefined).map((strand) => ({ strand, score: scores[strand] ?? null, scorecards: own?.scorecards[strand] ?? 0 })),
      pooled: own?.pooled ?? null,
      combined: combineStrands(figures.policy, scores),
      leftOut: own ? strandsLeftOut(figures.policy, scores) : [],
      spread: strandSpread(scores),
      preferredBy: (Object.entries(preferred) as Array<[Strand, string[]]>).filter(([, ids]) => ids.includes(candidate.id)).map(([s]) => s),
      agreeOnTop: strandsAgreeOnTop(preferred),
      compared: figures.byCandidate.size,
      departsIf: departures ? Object.values(DecisionOutcome).filter((o) => departures[o]) : [],
    });
  }
  return { stages: result };
}
