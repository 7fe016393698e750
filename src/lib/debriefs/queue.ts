// The debrief's queue: only the disagreements. A unit is a question and one competency it rates; it is
// queued when two panelists' ratings of it differ by 2 or more on the 4-point scale. Each queued unit
// carries every panelist's rating and the evidence note they wrote on that question, in panel order.

/** Ratings this far apart or more are a disagreement worth the panel's time. */
export const DISAGREEMENT_SPREAD = 2;

export type QueueQuestion = {
  itemId: string;
  /** The question's number in the script (1-based, sections in order). */
  number: number;
  text: string;
  competencies: ReadonlyArray<{ id: string; name: string }>;
};

/** A submitted scorecard at the stage, in panel order. */
export type QueueRater = { scorecardId: string; panelistId: string; panelistName: string };
export type QueueRating = { scorecardId: string; itemId: string; competencyId: string; score: number | null; notAssessed: boolean };
export type QueueNote = { scorecardId: string; itemId: string; body: string };

export type QueuedUnit = {
  itemId: string;
  number: number;
  text: string;
  competencyId: string;
  competencyName: string;
  /** The mean of the unit's scores (not assessed and missing ratings left out). */
  mean: number;
  /** Highest minus lowest score. */
  spread: number;
  /** Scores in the unit: what a consensus rating stands for in the competency's mean. */
  raters: number;
  ratings: Array<{ panelistId: string; panelistName: string; score: number | null; notAssessed: boolean }>;
  notes: Array<{ panelistId: string; panelistName: string; body: string }>;
};

export const unitKey = (itemId: string, competencyId: string) => `${itemId}\u0000${competencyId}`;

export function buildQueue(input: {
  questions: readonly QueueQuestion[];
  raters: readonly QueueRater[];
  ratings: readonly QueueRating[];
  notes: readonly QueueNote[];
}): QueuedUnit[] {
  const ratingOf = new Map(input.ratings.map((r) => [`${r.scorecardId}\u0000${unitKey(r.itemId, r.competencyId)}`, r]));
  const noteOf = new Map(input.notes.map((n) => [`${n.scorecardId}\u0000${n.itemId}`, n.body]));
  const queue: QueuedUnit[] = [];
  const questions = [...input.questions].sort((a, b) => a.number - b.number);
  for (const question of questions) {
    for (const competency of question.competencies) {
      const ratings = input.raters.map((rater) => {
        const r = ratingOf.get(`${rater.scorecardId}\u0000${unitKey(question.itemId, competency.id)}`);
        return { panelistId: rater.panelistId, panelistName: rater.panelistName, score: r?.score ?? null, notAssessed: r?.notAssessed ?? false };
      });
      const scores = ratings.map((r) => r.score).filter((s): s is number => s !== null);
      if (scores.length < 2) continue;
      const spread = Math.max(...scores) - Math.min(...scores);
      if (spread < DISAGREEMENT_SPREAD) continue;
      const notes = input.raters.flatMap((rater) => {
        const body = noteOf.get(`${rater.scorecardId}\u0000${question.itemId}`);
        return body && body.trim() !== "" ? [{ panelistId: rater.panelistId, panelistName: rater.panelistName, body }] : [];
      });
      queue.push({
        itemId: question.itemId,
        number: question.number,
        text: question.text,
        competencyId: competency.id,
        competencyName: competency.name,
        mean: scores.reduce((sum, s) => sum + s, 0) / scores.length,
        spread,
        raters: scores.length,
        ratings,
        notes,
      });
    }
  }
  return queue;
}
