import { meansAfterEntries, stageScoreOf } from "@/lib/debriefs/mechanical";
import { overridesByOutcome } from "@/lib/debriefs/override";
import { unitKey } from "@/lib/debriefs/queue";
import type { DebriefIdInput, DebriefView } from "@/lib/schemas/debriefs";
import { krippendorffAlpha, readAlpha } from "@/lib/statistics/krippendorff-alpha";
import type { Db } from "@/server/db";
import { englishErrors, renderError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { loadDebrief } from "./_shared/debrief-context";
import { decidedAtStage, rankingWithheldText } from "./_shared/outcome";
import { loadStageRatings } from "./_shared/queue-data";
import { decisionSelect, toDecisionView, withoutWithheldFigures } from "./_shared/selects";
import { loadStagePanel, scriptVersionProblem } from "./_shared/stage-panel";
import { competencyMeansAt, decisionFiguresHidden, loadPlan, rankingAt, rankingShown, withheldFromRanking } from "./_shared/stage-scores";

/**
 * A debrief as its reader sees it: first the mechanical result (the weighted score, its rank among the
 * vacancy's candidates at the stage, per-competency means with n, the panel's agreement), then the queue of
 * disagreements with each panelist's rating and evidence note, the chair's entries and the panel's comments,
 * then the decision and any corrections. Readable under the one access rule only (NOT_FOUND otherwise).
 * The rank is among the candidates whose figures the reader may see: one whose panel at a stage the ranking
 * reads the reader sits on without having submitted, while others on it have, is left out and counted
 * (mechanical.leftOut); a chair in that position is told to submit first (decisionWithheld), as deciding
 * and correcting the outcome refuse.
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
  const [ratings, ranked, blocked, withheld] = await Promise.all([
    loadStageRatings(db, actor, debrief, stage.scriptVersionIds),
    rankingAt(db, actor.orgId, debrief.vacancyId, plan, debrief.stageId),
    scriptVersionProblem(db, { name: debrief.stageName, scriptVersionId: debrief.scriptVersionId }, debrief.candidateName, stage.scriptVersionIds),
    withheldFromRanking(db, actor, plan, debrief.stageId),
  ]);
  // The ranking as this reader may see it: without the candidates whose panels at a stage it reads the reader
  // sits on without having submitted (the one rule), the candidate themselves included.
  const shown = rankingShown(ranked, plan, debrief.stageId, withheld);
  const ownWithheld = withheld.stagesOf.get(debrief.candidateId);

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
  const own = shown.ranking.get(debrief.candidateId);
  const countedStages = plan
    .filter((s) => s.counts && s.position <= debrief.stagePosition && !ownWithheld?.has(s.id))
    .flatMap((s) => {
      const row = ranked.rows.find((r) => r.candidateId === debrief.candidateId && r.stageId === s.id);
      return row ? [{ id: s.id, name: s.name, score: row.score }] : [];
    });
  const alphaResult = krippendorffAlpha(ratings.alphaUnits, "ordinal");
  const competencyNames = competencies.filter((c) => c.weight > 0).map((c) => c.name);

  const onPanel = stage.panel.some((p) => p.id === actor.userId);
  const [decided, decisionWithheld] = debrief.isChair
    ? await Promise.all([decidedAtStage(db, debrief.stageId, debrief.candidateId, shown.ranking), rankingWithheldText(db, ranked.ranking, withheld)])
    : [null, null];
  // A recorded decision keeps the rank it was taken at, among the whole ranking: not shown while part of the
  // ranking is withheld from the reader (nor its score, when it is drawn from a withheld stage of their own).
  const hideFigures = decisionFiguresHidden(debrief.candidateId, withheld.candidateIds, (id) => ranked.ranking.has(id) || withheld.atStage.has(id));
  const recorded = decision ? withoutWithheldFigures(toDecisionView(decision), hideFigures) : null;

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
    decisionWithheld,
    mechanical: {
      stageScore: stageScoreOf(competencies),
      mechanicalScore: own?.score ?? null,
      rank: own?.rank ?? null,
      rankedOf: shown.ranking.size,
      leftOut: shown.leftOut,
      countedStages,
      competencies: competencies.map((c) => ({ ...c, meanAfter: after.get(c.id) ?? null })),
      stageScoreAfter: stageScoreOf(competencies.map((c) => ({ mean: after.get(c.id) ?? null, weight: c.weight }))),
      alpha: { alpha: alphaResult.alpha, ...readAlpha(alphaResult), pairableValues: alphaResult.pairableValues },
    },
    queue,
    decision: recorded,
    outcomeForm: decided
      ? {
          nextStages: plan.filter((s) => s.position > debrief.stagePosition).map((s) => ({ id: s.id, name: s.name })),
          overrides: overridesByOutcome({ name: debrief.candidateName, rank: own?.rank ?? null, rankedOf: shown.ranking.size }, decided),
          competencyNames,
        }
      : null,
    corrections: corrections.map((c) => ({ id: c.id, at: c.createdAt, actorName: c.actor?.name ?? null, reason: c.reason, before: c.before, after: c.after })),
  };
}
