import { meansAfterEntries, stageScoreOf } from "@/lib/debriefs/mechanical";
import { overridesByOutcome } from "@/lib/debriefs/override";
import { unitKey } from "@/lib/debriefs/queue";
import type { DebriefIdInput, DebriefView } from "@/lib/schemas/debriefs";
import { krippendorffAlpha, readAlpha } from "@/lib/statistics/krippendorff-alpha";
import type { Db } from "@/server/db";
import { englishErrors, renderError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { loadDebrief } from "./_shared/debrief-context";
import { decidedAtStage } from "./_shared/outcome";
import { loadStageRatings } from "./_shared/queue-data";
import { decisionSelect, toDecisionView } from "./_shared/selects";
import { loadStagePanel, scriptVersionProblem } from "./_shared/stage-panel";
import { competencyMeansAt, loadPlan, rankingAt } from "./_shared/stage-scores";

/**
 * A debrief as its reader sees it: first the mechanical result (the weighted score, its rank among the
 * vacancy's candidates at the stage, per-competency means with n, the panel's agreement), then the queue of
 * disagreements with each panelist's rating and evidence note, the chair's entries and the panel's comments,
 * then the decision and any corrections. Readable under the one access rule only (NOT_FOUND otherwise).
 */
export async function getDebrief(db: Db, actor: Actor, input: DebriefIdInput): Promise<DebriefView> {
  const debrief = await loadDebrief(db, actor, input.id);
  const [stage, plan, competencies, entries, comments, decision, corrections, chair] = await Promise.all([
    loadStagePanel(db, actor.orgId, debrief.candidateId, debrief.stageId),
    loadPlan(db, debrief.vacancyId),
    competencyMeansAt(db, actor.orgId, debrief.candidateId, debrief.stageId),
    db.debriefEntry.findMany({
      where: { debriefId: debrief.id },
      select: { itemId: true, competencyId: true, kind: true, rating: true, meanBefore: true, valueAfter: true, reason: true, recordedAt: true, recordedBy: { select: { name: true } } },
    }),
    db.debriefComment.findMany({
      where: { debriefId: debrief.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, itemId: true, competencyId: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.decision.findUnique({ where: { debriefId: debrief.id }, select: decisionSelect }),
    db.debriefCorrection.findMany({
      where: { debriefId: debrief.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true, reason: true, before: true, after: true, actor: { select: { name: true } } },
    }),
    debrief.chairId ? db.user.findUnique({ where: { id: debrief.chairId }, select: { id: true, name: true } }) : null,
  ]);
  const [ratings, ranked, blocked] = await Promise.all([
    loadStageRatings(db, actor, debrief, stage.scriptVersionIds),
    rankingAt(db, actor.orgId, debrief.vacancyId, plan, debrief.stageId),
    scriptVersionProblem(db, { name: debrief.stageName, scriptVersionId: debrief.scriptVersionId }, debrief.candidateName, stage.scriptVersionIds),
  ]);

  const entryOf = new Map(entries.map((e) => [unitKey(e.itemId, e.competencyId), e]));
  const queue = ratings.queue.map((unit) => {
    const entry = entryOf.get(unitKey(unit.itemId, unit.competencyId));
    return {
      itemId: unit.itemId,
      number: unit.number,
      text: unit.text,
      competencyId: unit.competencyId,
      competencyName: unit.competencyName,
      mean: unit.mean,
      spread: unit.spread,
      ratings: unit.ratings,
      notes: unit.notes,
      entry: entry
        ? {
            kind: entry.kind,
            rating: entry.rating,
            meanBefore: entry.meanBefore,
            valueAfter: entry.valueAfter,
            reason: entry.reason,
            recordedBy: entry.recordedBy?.name ?? null,
            recordedAt: entry.recordedAt,
          }
        : null,
      comments: comments
        .filter((c) => c.itemId === unit.itemId && c.competencyId === unit.competencyId)
        .map((c) => ({ id: c.id, authorName: c.author?.name ?? null, body: c.body, createdAt: c.createdAt })),
    };
  });

  // The figure after the debrief: entries on units still queued, each standing for the unit's ratings.
  const ratersOf = new Map(ratings.queue.map((u) => [unitKey(u.itemId, u.competencyId), u.raters]));
  const effects = entries.flatMap((e) => {
    const raters = ratersOf.get(unitKey(e.itemId, e.competencyId));
    return raters ? [{ competencyId: e.competencyId, meanBefore: e.meanBefore, valueAfter: e.valueAfter, raters }] : [];
  });
  const after = meansAfterEntries(competencies, effects);
  const own = ranked.ranking.get(debrief.candidateId);
  const countedStages = plan
    .filter((s) => s.counts && s.position <= debrief.stagePosition)
    .flatMap((s) => {
      const row = ranked.rows.find((r) => r.candidateId === debrief.candidateId && r.stageId === s.id);
      return row ? [{ id: s.id, name: s.name, score: row.score }] : [];
    });
  const alphaResult = krippendorffAlpha(ratings.alphaUnits, "ordinal");
  const competencyNames = competencies.filter((c) => c.weight > 0).map((c) => c.name);

  const onPanel = stage.panel.some((p) => p.id === actor.userId);
  const decided = debrief.isChair ? await decidedAtStage(db, debrief.stageId, debrief.candidateId, ranked.ranking) : null;

  return {
    id: debrief.id,
    status: debrief.status,
    version: debrief.version,
    openedAt: debrief.openedAt,
    closedAt: debrief.closedAt,
    openedEarlyReason: debrief.openedEarlyReason,
    candidate: { id: debrief.candidateId, name: debrief.candidateName, status: debrief.candidateStatus, erased: debrief.erased },
    vacancy: { id: debrief.vacancyId, title: debrief.vacancyTitle },
    stage: { id: debrief.stageId, name: debrief.stageName, position: debrief.stagePosition, counts: debrief.counts },
    chair,
    viewer: { isChair: debrief.isChair, onPanel, canComment: onPanel || debrief.isChair },
    panel: stage.panel,
    blocked: blocked && renderError(blocked, englishErrors),
    blockedText: blocked,
    mechanical: {
      stageScore: stageScoreOf(competencies),
      mechanicalScore: own?.score ?? null,
      rank: own?.rank ?? null,
      rankedOf: ranked.ranking.size,
      countedStages,
      competencies: competencies.map((c) => ({ ...c, meanAfter: after.get(c.id) ?? null })),
      stageScoreAfter: stageScoreOf(competencies.map((c) => ({ mean: after.get(c.id) ?? null, weight: c.weight }))),
      alpha: { alpha: alphaResult.alpha, ...readAlpha(alphaResult), pairableValues: alphaResult.pairableValues },
    },
    queue,
    decision: decision ? toDecisionView(decision) : null,
    outcomeForm: decided
      ? {
          nextStages: plan.filter((s) => s.position > debrief.stagePosition).map((s) => ({ id: s.id, name: s.name })),
          overrides: overridesByOutcome({ name: debrief.candidateName, rank: own?.rank ?? null, rankedOf: ranked.ranking.size }, decided),
          competencyNames,
        }
      : null,
    corrections: corrections.map((c) => ({ id: c.id, at: c.createdAt, actorName: c.actor?.name ?? null, reason: c.reason, before: c.before, after: c.after })),
  };
}
