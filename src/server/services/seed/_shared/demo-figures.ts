// The stage scores the demo's seeded decisions were taken against, from the seeded ratings as they stood at
// the moment of each decision. The debrief computes the same figure in SQL from the scorecards' tallies
// (debriefs/_shared/stage-scores.ts) for the present moment; combining stages, ranking and the override rule
// are the pure functions of src/lib/debriefs, which the seed calls as the debrief does.
import type { StageScoreRow } from "@/lib/debriefs/mechanical";

/** One submitted rating (not "not assessed") of a candidate at a stage, and when its scorecard was submitted. */
export type FigureRating = { candidateId: string; stageId: string; competencyId: string; score: number; submittedAt: Date };

export type FigureStage = { id: string; position: number; counts: boolean; weights: ReadonlyMap<string, number> };

/**
 * Per candidate and stage, from the ratings submitted by `asOf`: Σ w_c · mean_c / Σ w_c over the stage's
 * weighted competencies the candidate has ratings for (mean_c: the mean of those ratings of c).
 */
export function stageScoresAsOf(ratings: readonly FigureRating[], stages: readonly FigureStage[], asOf: Date): StageScoreRow[] {
  const cells = new Map<string, { candidateId: string; stageId: string; competencyId: string; sum: number; n: number }>();
  for (const r of ratings) {
    if (r.submittedAt > asOf) continue;
    const key = `${r.candidateId}\u0000${r.stageId}\u0000${r.competencyId}`;
    const cell = cells.get(key) ?? { candidateId: r.candidateId, stageId: r.stageId, competencyId: r.competencyId, sum: 0, n: 0 };
    cell.sum += r.score;
    cell.n += 1;
    cells.set(key, cell);
  }
  const scores = new Map<string, { candidateId: string; stageId: string; weighted: number; weights: number }>();
  for (const cell of cells.values()) {
    const weight = stages.find((s) => s.id === cell.stageId)?.weights.get(cell.competencyId) ?? 0;
    if (weight <= 0) continue;
    const key = `${cell.candidateId}\u0000${cell.stageId}`;
    const score = scores.get(key) ?? { candidateId: cell.candidateId, stageId: cell.stageId, weighted: 0, weights: 0 };
    score.weighted += weight * (cell.sum / cell.n);
    score.weights += weight;
    scores.set(key, score);
  }
  return [...scores.values()].map(({ candidateId, stageId, weighted, weights }) => ({ candidateId, stageId, score: weighted / weights }));
}
