import { describe, expect, it } from "vitest";
import { changesFigure, meansAfterEntries, mechanicalScores, rankAtStage, stageScoreOf } from "./mechanical";

const stages = [
  { id: "screen", position: 1, counts: false },
  { id: "panel", position: 2, counts: true },
  { id: "task", position: 3, counts: true },
];

describe("mechanical score", () => {
  it("weights competency means and leaves out competencies nobody scored", () => {
    // (50·3 + 30·2) / 80 = 2.625; crisis handling unscored leaves its 20 out.
    expect(stageScoreOf([
      { mean: 3, weight: 50 },
      { mean: 2, weight: 30 },
      { mean: null, weight: 20 },
    ])).toBe(2.625);
  });

  it("is the mean of the counting stages up to and including the stage", () => {
    const rows = [
      { candidateId: "dana", stageId: "screen", score: 1 }, // does not count
      { candidateId: "dana", stageId: "panel", score: 3 },
      { candidateId: "dana", stageId: "task", score: 2 },
    ];
    expect(mechanicalScores(rows, stages, "panel").get("dana")).toBe(3);
    expect(mechanicalScores(rows, stages, "task").get("dana")).toBe(2.5);
    // A stage with no counting stage up to it has no mechanical score.
    expect(mechanicalScores(rows, stages, "screen").has("dana")).toBe(false);
  });

  it("ranks the candidates scored at the stage, best first, ties sharing the better rank", () => {
    const rows = [
      { candidateId: "ann", stageId: "panel", score: 3.5 },
      { candidateId: "ben", stageId: "panel", score: 2.5 },
      { candidateId: "cleo", stageId: "panel", score: 3.5 },
      { candidateId: "dana", stageId: "panel", score: 2 },
      // Scored at the panel stage only: not at the task stage, so not ranked there.
      { candidateId: "ann", stageId: "task", score: 1 },
    ];
    const ranking = rankAtStage(rows, stages, "panel");
    expect(Object.fromEntries([...ranking].map(([id, r]) => [id, [r.rank, r.rankedOf]]))).toEqual({
      ann: [1, 4],
      cleo: [1, 4],
      ben: [3, 4],
      dana: [4, 4],
    });
    const atTask = rankAtStage(rows, stages, "task");
    expect([...atTask.keys()]).toEqual(["ann"]);
    expect(atTask.get("ann")).toEqual({ score: 2.25, rank: 1, rankedOf: 1 });
  });

  it("leaves withdrawn candidates out of the ranking", () => {
    const rows = [
      { candidateId: "ann", stageId: "panel", score: 4 },
      { candidateId: "ben", stageId: "panel", score: 3 },
    ];
    const ranking = rankAtStage(rows, stages, "panel", new Set(["ann"]));
    expect(ranking.get("ben")).toEqual({ score: 3, rank: 1, rankedOf: 1 });
    expect(ranking.has("ann")).toBe(false);
  });

  it("treats scores equal but for rounding noise as a tie", () => {
    const rows = [
      { candidateId: "ann", stageId: "panel", score: 0.1 + 0.2 },
      { candidateId: "ben", stageId: "panel", score: 0.3 },
    ];
    const ranking = rankAtStage(rows, stages, "panel");
    expect([ranking.get("ann")!.rank, ranking.get("ben")!.rank]).toEqual([1, 1]);
  });
});

describe("the figure after the debrief", () => {
  it("replaces a consensus unit's ratings by the agreed rating; keeping the mean changes nothing", () => {
    // Empathy: 6 ratings, mean 2.5 (sum 15). A unit of 3 ratings with mean 2 agreed at 4: 15 − 6 + 12 = 21 → 3.5.
    const after = meansAfterEntries(
      [
        { id: "empathy", mean: 2.5, n: 6, weight: 50 },
        { id: "ethics", mean: 3, n: 3, weight: 30 },
        { id: "crisis", mean: null, n: 0, weight: 20 },
      ],
      [
        { competencyId: "empathy", meanBefore: 2, valueAfter: 4, raters: 3 },
        { competencyId: "ethics", meanBefore: 3, valueAfter: 3, raters: 3 },
      ],
    );
    expect(Object.fromEntries(after)).toEqual({ empathy: 3.5, ethics: 3, crisis: null });
  });

  it("says whether an entry changes the figure", () => {
    expect(changesFigure(2, 2)).toBe(false);
    expect(changesFigure(2.5, 3)).toBe(true);
  });
});
