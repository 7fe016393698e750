import { describe, expect, it } from "vitest";
import { buildQueue } from "./queue";

const raters = [
  { scorecardId: "sa", panelistId: "a", panelistName: "Ann" },
  { scorecardId: "sb", panelistId: "b", panelistName: "Ben" },
  { scorecardId: "sc", panelistId: "c", panelistName: "Cleo" },
];
const questions = [
  // Given out of order: the queue follows the script's numbering.
  { itemId: "q3", number: 3, text: "Crisis call", competencies: [{ id: "crisis", name: "Crisis handling" }] },
  { itemId: "q1", number: 1, text: "Why this work?", competencies: [{ id: "empathy", name: "Empathy" }] },
  {
    itemId: "q2",
    number: 2,
    text: "A client asks you to keep a secret.",
    competencies: [
      { id: "ethics", name: "Ethics" },
      { id: "empathy", name: "Empathy" },
    ],
  },
];
const r = (scorecardId: string, itemId: string, competencyId: string, score: number | null, notAssessed = false) => ({
  scorecardId,
  itemId,
  competencyId,
  score,
  notAssessed,
});

describe("buildQueue", () => {
  const queue = buildQueue({
    questions,
    raters,
    ratings: [
      // q1 empathy: 1, 3, 2 → spread 2, mean 2: queued.
      r("sa", "q1", "empathy", 1),
      r("sb", "q1", "empathy", 3),
      r("sc", "q1", "empathy", 2),
      // q2 ethics: 3, 4, 3 → spread 1: not queued.
      r("sa", "q2", "ethics", 3),
      r("sb", "q2", "ethics", 4),
      r("sc", "q2", "ethics", 3),
      // q2 empathy: 4, not assessed, 2 → spread 2 over two scores, mean 3: queued.
      r("sa", "q2", "empathy", 4),
      r("sb", "q2", "empathy", null, true),
      r("sc", "q2", "empathy", 2),
      // q3 crisis: one score only (the others skipped an optional question): nothing to compare.
      r("sa", "q3", "crisis", 1),
    ],
    notes: [
      { scorecardId: "sc", itemId: "q1", body: "Cleo: warm but vague." },
      { scorecardId: "sa", itemId: "q1", body: "Ann: no example given." },
      { scorecardId: "sb", itemId: "q1", body: "   " },
      { scorecardId: "sc", itemId: "q2", body: "Cleo: missed the safeguarding duty." },
    ],
  });

  it("queues only units two or more points apart, in script order", () => {
    expect(queue.map((u) => `${u.itemId}/${u.competencyId}`)).toEqual(["q1/empathy", "q2/empathy"]);
  });

  it("gives the hand-computed mean, spread and number of scores", () => {
    expect(queue.map((u) => [u.number, u.mean, u.spread, u.raters])).toEqual([
      [1, 2, 2, 3],
      [2, 3, 2, 2],
    ]);
  });

  it("lists every panelist's rating in panel order, not assessed included", () => {
    expect(queue[1]!.ratings).toEqual([
      { panelistId: "a", panelistName: "Ann", score: 4, notAssessed: false },
      { panelistId: "b", panelistName: "Ben", score: null, notAssessed: true },
      { panelistId: "c", panelistName: "Cleo", score: 2, notAssessed: false },
    ]);
  });

  it("carries each panelist's note on the question in panel order, blank notes left out", () => {
    expect(queue[0]!.notes.map((n) => n.body)).toEqual(["Ann: no example given.", "Cleo: warm but vague."]);
    expect(queue[1]!.notes).toEqual([{ panelistId: "c", panelistName: "Cleo", body: "Cleo: missed the safeguarding duty." }]);
  });

  it("is empty when everyone agrees within a point", () => {
    expect(
      buildQueue({
        questions,
        raters,
        ratings: [r("sa", "q1", "empathy", 3), r("sb", "q1", "empathy", 4), r("sc", "q1", "empathy", 3)],
        notes: [],
      }),
    ).toEqual([]);
  });
});
