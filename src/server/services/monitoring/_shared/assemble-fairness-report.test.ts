import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monitoringCategory } from "@/lib/monitoring/categories";
import { assembleFairnessReport } from "./assemble-fairness-report";
import type { FairnessRows } from "./load-fairness-rows";

const sex = monitoringCategory("uk_sex")!;
const OPTIONS = ["female", "male", "self_describe", "prefer_not_to_say", null] as const;

/** A world of candidates at one stage: each with an answer (or none), a decision (or none) and a mean rating. */
const worldArb = fc.array(
  fc.record({
    option: fc.constantFrom(...OPTIONS),
    outcome: fc.constantFrom("ADVANCE", "REJECT", null),
    mean: fc.double({ min: 1, max: 4, noNaN: true }),
  }),
  { minLength: 10, maxLength: 60 },
);

function build(world: Array<{ option: string | null; outcome: "ADVANCE" | "REJECT" | null; mean: number }>) {
  const rows: FairnessRows = {
    candidates: world.map((_, i) => ({ candidateId: `c${i}`, shortlisted: true, appointed: world[i]!.outcome === "ADVANCE" })),
    stages: world.map((w, i) => ({ candidateId: `c${i}`, ordinal: 1, stageName: "Screening", outcome: w.outcome })),
    competencies: world.map((w, i) => ({ candidateId: `c${i}`, key: "empathy", label: "Empathy", mean: w.mean })),
    questions: [],
  };
  const answers = new Map(world.flatMap((w, i) => (w.option ? [[`c${i}`, { uk_sex: { option: w.option } }] as const] : [])));
  return assembleFairnessReport({ rows, answers, categories: [sex], minCell: 5, oneVacancy: true });
}

describe("assembleFairnessReport", () => {
  it("never leaves a hidden group recoverable from the stage's known total, in any world", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const stage = build(world).categories[0]!.stages[0]!;
        const hidden = stage.groups.filter((g) => g.suppressed);
        const sizes = new Map<string, number>();
        for (const w of world) sizes.set(w.option ?? "not_answered", (sizes.get(w.option ?? "not_answered") ?? 0) + 1);
        for (const g of stage.groups) {
          if (g.suppressed) expect([g.candidates, g.decisions, g.selected, g.rate, g.impactRatio, g.fisherP]).toEqual([null, null, null, null, null, null]);
          else expect(sizes.get(g.key)).toBeGreaterThanOrEqual(5);
        }
        if (hidden.length > 0 && hidden.length < stage.groups.length) {
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((sum, g) => sum + sizes.get(g.key)!, 0)).toBeGreaterThanOrEqual(5);
        }
      }),
    );
  });

  it("flags a group selected at under four fifths of the top rate, with a reading that says what it does not prove", () => {
    const world = [
      ...Array.from({ length: 15 }, (_, i) => ({ option: "female", outcome: i < 5 ? "ADVANCE" : "REJECT", mean: 2 }) as const),
      ...Array.from({ length: 15 }, (_, i) => ({ option: "male", outcome: i < 10 ? "ADVANCE" : "REJECT", mean: 3 }) as const),
    ];
    const report = build(world.map((w, i) => ({ ...w, mean: w.mean + (i % 3) * 0.25 })));
    const female = report.categories[0]!.stages[0]!.groups.find((g) => g.key === "female")!;
    expect(female).toMatchObject({ selected: 5, decisions: 15, impactRatio: 0.5, fourFifthsFlag: true });
    const flag = report.flags.find((f) => f.kind === "four_fifths")!;
    expect(flag.headline).toBe("Screening: Female selected at 33%, 0.50 of the highest rate (Male, 67%)");
    expect(flag.doesNotProve).toContain("does not prove");
    const gap = report.flags.find((f) => f.kind === "score_gap")!;
    expect(gap.headline).toMatch(/^Competency "Empathy": Female rated lower, g = -/);
  });
});
