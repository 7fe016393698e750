/**
 * The order a practice session serves its answers in: random for the session's seed (the same seed always
 * gives the same order, so a reload or a second tab sees the same session), and mixing levels: answers are
 * drawn band by band (does not meet, partly meets, meets or above, from their references) so that weak and
 * strong answers alternate instead of bunching, and the panelist cannot guess a level from its neighbours.
 */
import { seededRandom } from "@/lib/seeded-random";
import { answerBand, type AnswerBand } from "./practice-answer-file";

export type OrderableAnswer = { id: string; references: ReadonlyArray<{ level: number }> };

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Answer ids in serving order for `seed`. Input order does not matter (answers are sorted by id first). */
export function practiceOrder(answers: readonly OrderableAnswer[], seed: number): string[] {
  const random = seededRandom(seed);
  const bands = new Map<AnswerBand, string[]>();
  for (const answer of [...answers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const band = answer.references.length > 0 ? answerBand(answer.references) : "meets-or-above";
    bands.set(band, [...(bands.get(band) ?? []), answer.id]);
  }
  const queues = [...bands.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([band, ids]) => ({ band, ids: shuffle(ids, random) }));
  const order: string[] = [];
  let previous: AnswerBand | null = null;
  while (queues.some((q) => q.ids.length > 0)) {
    const open = queues.filter((q) => q.ids.length > 0);
    // Another band than the last one whenever there is one; among those, chosen in proportion to what is left.
    const choices = open.length > 1 ? open.filter((q) => q.band !== previous) : open;
    // A band holding more than all the others together must go now, or two of it would end up side by side.
    const left = open.reduce((sum, q) => sum + q.ids.length, 0);
    const crowded = choices.find((q) => q.ids.length > left - q.ids.length);
    const total = choices.reduce((sum, q) => sum + q.ids.length, 0);
    let pick = crowded ? -1 : random() * total;
    let chosen = crowded ?? choices[choices.length - 1]!;
    for (const q of crowded ? [] : choices) {
      if (pick < q.ids.length) {
        chosen = q;
        break;
      }
      pick -= q.ids.length;
    }
    order.push(chosen.ids.shift()!);
    previous = chosen.band;
  }
  return order;
}

/** A fresh seed for a new session: any 31-bit integer. */
export function newPracticeSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}
