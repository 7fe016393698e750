import { describe, expect, it } from "vitest";
import { cellAt } from "./comparison-cells";
import { expandComparison, type ComparisonWire, type WireCandidate } from "./comparison-wire";

const competencies = [
  { id: "empathy", name: "Empathy", weight: 50 },
  { id: "ethics", name: "Ethics", weight: 30 },
  { id: "crisis", name: "Crisis handling", weight: 20 },
];

const candidate = (id: string, label: string, versionId = "v1", recommendations = [0, 0, 1, 0]): WireCandidate => [
  id,
  label,
  "vac-1",
  "ACTIVE",
  1,
  3,
  recommendations[0]!,
  recommendations[1]!,
  recommendations[2]!,
  recommendations[3]!,
  versionId,
  id === "b" ? "RESERVE" : null,
  id === "b" ? "Panel interview" : "Screening call",
];

describe("expandComparison", () => {
  const wire: ComparisonWire = {
    competencies,
    vacancies: { "vac-1": "Crisis Worker" },
    candidates: JSON.stringify([
      candidate("a", "Ann"),
      candidate("b", "Bea", "v1", [1, 0, 0, 2]),
      candidate("c", "Cy"),
      candidate("d", "Dee", "v2"),
    ]),
    // Ann and Bea rated on all three (the group's figures in its own column order: crisis, empathy, ethics),
    // Dee only on ethics.
    groupColumns: [[2, 0, 1], [1]],
    // The figures are sums ‖ counts ‖ not assessed.
    groups: JSON.stringify([
      [
        ["a", "b"],
        [
          [6, 9, 4, 2, 3, 2, 0, 0, 1],
          [8, 12, 6, 2, 3, 2, 0, 0, 1],
        ],
      ],
      [["d"], [[7, 2, 0]]],
    ]),
    weights: {
      v1: [
        [0, 50],
        [1, 30],
        [2, 20],
      ],
      // A weighted competency nobody was rated on has no column.
      v2: [
        [1, 40],
        [-1, 60],
      ],
    },
    withheld: { scorecards: 1, candidateIds: ["c"], reason: "You sit on this panel." },
  };
  const { rows } = expandComparison(wire);
  const byId = new Map(rows.map((r) => [r.candidateId, r]));

  it("puts each group's figures under the comparison's columns", () => {
    // Ann: crisis (column 2) 6/2, empathy (0) 9/3, ethics (1) 4/2 with one not assessed.
    expect(competencies.map((_, i) => cellAt(byId.get("a")!, i))).toEqual([
      { mean: 3, n: 3, notAssessed: 0 },
      { mean: 2, n: 2, notAssessed: 1 },
      { mean: 3, n: 2, notAssessed: 0 },
    ]);
    expect(competencies.map((_, i) => cellAt(byId.get("d")!, i))).toEqual([
      { mean: null, n: 0, notAssessed: 0 },
      { mean: 3.5, n: 2, notAssessed: 0 },
      { mean: null, n: 0, notAssessed: 0 },
    ]);
  });

  it("scores each candidate with its own version's weights, skipping competencies without a mean", () => {
    // Ann: (3·50 + 2·30 + 3·20) / 100; Bea: (4·50 + 3·30 + 4·20) / 100; Dee: ethics alone.
    expect(byId.get("a")!.weightedScore).toBeCloseTo(2.7, 10);
    expect(byId.get("b")!.weightedScore).toBeCloseTo(3.7, 10);
    expect(byId.get("d")!.weightedScore).toBeCloseTo(3.5, 10);
    expect(byId.get("c")!).toMatchObject({ weightedScore: null, sums: [0, 0, 0], counts: [0, 0, 0], notAssessed: [0, 0, 0] });
  });

  it("ranks by weighted score, candidates without one last, and keeps every other field", () => {
    expect(rows.map((r) => r.label)).toEqual(["Bea", "Dee", "Ann", "Cy"]);
    expect(byId.get("b")).toMatchObject({
      vacancyId: "vac-1",
      vacancy: "Crisis Worker",
      status: "ACTIVE",
      outcome: "RESERVE",
      outcomeStage: "Panel interview",
      interviews: 1,
      scorecards: 3,
      recommendations: { STRONG_NO: 1, NO: 0, YES: 0, STRONG_YES: 2 },
    });
  });

  it("says where an undecided candidate is", () => {
    expect(byId.get("a")).toMatchObject({ outcome: null, outcomeStage: "Screening call" });
  });

  it("passes on what the figures leave out for this viewer, so the page can say why", () => {
    expect(expandComparison(wire).withheld).toEqual({ scorecards: 1, candidateIds: ["c"], reason: "You sit on this panel." });
  });

  it("orders equal scores by label", () => {
    const tied = expandComparison({
      ...wire,
      candidates: JSON.stringify([candidate("z", "Zoe"), candidate("y", "Al")]),
      groupColumns: [],
      groups: "[]",
    });
    expect(tied.rows.map((r) => r.label)).toEqual(["Al", "Zoe"]);
  });
});
