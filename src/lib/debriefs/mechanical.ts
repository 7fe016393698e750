// The mechanical result of a debrief, from stage scores the database computed (Σ w·mean / Σ w per candidate
// and stage, from the scorecards' competency tallies): the mechanical score at a stage is the mean of the
// candidate's stage scores at the counting stages up to and including it, and the rank is the candidate's
// place among the vacancy's candidates scored at that stage, best first, ties sharing a rank.
import { weightedScore } from "@/lib/statistics/describe-scores";

export type StageScoreRow = { candidateId: string; stageId: string; score: number };
export type PlanStage = { id: string; position: number; counts: boolean };

/** Scores equal to this many decimals are a tie: sums of the same ratings in another order must not split one. */
const TIE_DECIMALS = 9;

/** Each candidate's mechanical score at `stageId`: the mean of their scores at counting stages up to it. */
export function mechanicalScores(rows: readonly StageScoreRow[], stages: readonly PlanStage[], stageId: string): Map<string, number> {
  const at = stages.find((s) => s.id === stageId);
  if (!at) return new Map();
  const counted = new Set(stages.filter((s) => s.counts && s.position <= at.position).map((s) => s.id));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const row of rows) {
    if (!counted.has(row.stageId) || !Number.isFinite(row.score)) continue;
    const acc = sums.get(row.candidateId) ?? { sum: 0, n: 0 };
    acc.sum += row.score;
    acc.n += 1;
    sums.set(row.candidateId, acc);
  }
  return new Map([...sums].map(([candidateId, { sum, n }]) => [candidateId, sum / n]));
}

export type Ranking = Map<string, { score: number; rank: number; rankedOf: number }>;

/**
 * The rank of every candidate scored at `stageId` (a stage score there) who has a mechanical score and is
 * not excluded (withdrawn candidates are out of the running), by mechanical score descending; ties share
 * the better rank (1, 1, 3).
 */
export function rankAtStage(
  rows: readonly StageScoreRow[],
  stages: readonly PlanStage[],
  stageId: string,
  excluded: ReadonlySet<string> = new Set(),
): Ranking {
  const scores = mechanicalScores(rows, stages, stageId);
  const scoredHere = new Set(rows.filter((r) => r.stageId === stageId).map((r) => r.candidateId));
  const ranked = [...scores]
    .filter(([candidateId]) => scoredHere.has(candidateId) && !excluded.has(candidateId))
    .map(([candidateId, score]) => ({ candidateId, score, key: round(score) }))
    .sort((a, b) => b.key - a.key || a.candidateId.localeCompare(b.candidateId));
  const result: Ranking = new Map();
  ranked.forEach((entry, index) => {
    const previous = index > 0 ? ranked[index - 1] : undefined;
    const rank = previous && previous.key === entry.key ? result.get(previous.candidateId)!.rank : index + 1;
    result.set(entry.candidateId, { score: entry.score, rank, rankedOf: ranked.length });
  });
  return result;
}

function round(value: number): number {
  return Number(value.toFixed(TIE_DECIMALS));
}

export type CompetencyMean = { id: string; mean: number | null; n: number; weight: number };
/** A chair's entry on a queued disagreement: the unit's mean over `raters` ratings, and the figure after it. */
export type EntryEffect = { competencyId: string; meanBefore: number; valueAfter: number; raters: number };

/**
 * The competency means after the debrief: each consensus entry replaces its unit's ratings by the agreed
 * rating (as many times as there were ratings, so the unit weighs what it weighed before); "keep the mean"
 * changes nothing. The scorecards themselves are never changed: this is the figure shown beside them.
 */
export function meansAfterEntries(competencies: readonly CompetencyMean[], entries: readonly EntryEffect[]): Map<string, number | null> {
  const after = new Map<string, number | null>();
  for (const c of competencies) {
    if (c.mean === null || c.n === 0) {
      after.set(c.id, c.mean);
      continue;
    }
    let sum = c.mean * c.n;
    for (const e of entries) {
      if (e.competencyId !== c.id) continue;
      sum += (e.valueAfter - e.meanBefore) * e.raters;
    }
    after.set(c.id, sum / c.n);
  }
  return after;
}

/** Whether recording `valueAfter` for a unit whose mean is `meanBefore` changes the figure. */
export function changesFigure(meanBefore: number, valueAfter: number): boolean {
  return Math.abs(meanBefore - valueAfter) > 1e-9;
}

/** The stage's weighted score from competency means (renormalised over the competencies with a mean). */
export function stageScoreOf(competencies: ReadonlyArray<{ mean: number | null; weight: number }>): number | null {
  return weightedScore(competencies);
}
