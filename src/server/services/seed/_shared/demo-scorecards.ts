// What the demo seeds share: invented ratings and evidence notes for one panelist's scorecard, dates
// relative to today, and the demo candidates' made-up email addresses. Ratings come from a seeded
// pseudo-random generator: a candidate's true level, the panelist's leniency and noise, so every fresh demo
// database holds the same numbers.
import type { Recommendation } from "@/generated/prisma/enums";

export type DemoItem = { id: string; competencyIds: string[] };
export type DemoRating = { itemId: string; competencyId: string; score: number | null; notAssessed: boolean };
export type DemoNote = { itemId: string; body: string };

const EVIDENCE: Record<number, string[]> = {
  1: ["Answer stayed general; no example of what they did.", "Missed the risk in the scenario until prompted."],
  2: ["Gave an example but the steps were vague.", "Named the right idea; follow-through unclear."],
  3: ["Clear example with concrete steps and outcome.", "Checked safety first, then explained the plan."],
  4: ["Specific, reflective example; named what they'd do differently.", "Strong reasoning; involved the client and the team."],
};

export function recommendationFor(mean: number): Recommendation {
  if (mean < 1.75) return "STRONG_NO";
  if (mean < 2.5) return "NO";
  if (mean < 3.25) return "YES";
  return "STRONG_YES";
}

/** A date `daysFromToday` days from now (negative: in the past) at `hour`:`minute` local time. */
export function daysFromToday(days: number, hour = 10, minute = 0): Date {
  const date = new Date();
  date.setDate(date.getDate() + days);
  date.setHours(hour, minute, 0, 0);
  return date;
}

/** The invented address of a demo candidate: "Tomás Rivera" → tomas.rivera@candidate.example. */
export function demoEmail(name: string): string {
  return `${name.toLowerCase().normalize("NFKD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@candidate.example`;
}

/**
 * One panelist's ratings and notes for a candidate of true level `level` (1..4): each item × competency is
 * rated round(level + leniency + noise), clamped to 1..4, or "not assessed" about one time in 25; each item
 * gets an evidence note matching its rounded mean. The order of `random()` calls is fixed: changing it
 * changes every demo figure.
 */
export function demoScorecard(random: () => number, items: DemoItem[], level: number, leniency: number) {
  const ratings: DemoRating[] = [];
  const notes: DemoNote[] = [];
  for (const item of items) {
    const itemScores: number[] = [];
    for (const competencyId of item.competencyIds) {
      if (random() < 0.04) {
        ratings.push({ itemId: item.id, competencyId, score: null, notAssessed: true });
        continue;
      }
      const noise = (random() + random() - 1) * 0.9;
      const score = Math.min(4, Math.max(1, Math.round(level + leniency + noise)));
      itemScores.push(score);
      ratings.push({ itemId: item.id, competencyId, score, notAssessed: false });
    }
    if (itemScores.length) {
      const itemLevel = Math.round(itemScores.reduce((a, b) => a + b, 0) / itemScores.length);
      const options = EVIDENCE[itemLevel]!;
      notes.push({ itemId: item.id, body: options[Math.floor(random() * options.length)]! });
    }
  }
  return { ratings, notes };
}

/** The recommendation the mean of the scored ratings (not-assessed left out) suggests, and a summary saying it. */
export function summarise(ratings: DemoRating[]): { recommendation: Recommendation; summary: string } {
  const scored = ratings.filter((r) => r.score !== null).map((r) => r.score!);
  const mean = scored.reduce((a, b) => a + b, 0) / Math.max(1, scored.length);
  return { recommendation: recommendationFor(mean), summary: `Average ${mean.toFixed(1)} across the script; see notes per question.` };
}
