import { describe, expect, it } from "vitest";
import { practiceOrder } from "./practice-order";

const answers = [
  ...Array.from({ length: 4 }, (_, i) => ({ id: `weak-${i}`, references: [{ level: 1 }] })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `part-${i}`, references: [{ level: 2 }, { level: 1 }] })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `good-${i}`, references: [{ level: 3 }, { level: 4 }] })),
];
const band = (id: string) => id.split("-")[0];

describe("practiceOrder", () => {
  it("serves every answer once, the same order for the same seed whatever the input order", () => {
    const order = practiceOrder(answers, 42);
    expect([...order].sort()).toEqual(answers.map((a) => a.id).sort());
    expect(practiceOrder([...answers].reverse(), 42)).toEqual(order);
    expect(practiceOrder(answers, 43)).not.toEqual(order);
  });

  it("never serves two answers of the same level band in a row while another band is left", () => {
    const uneven = [...answers, { id: "weak-9", references: [{ level: 1 }] }, { id: "weak-8", references: [{ level: 1 }] }];
    for (let seed = 0; seed < 300; seed++) {
      const order = practiceOrder(seed % 2 ? answers : uneven, seed);
      for (let i = 1; i < order.length; i++) expect(band(order[i]!)).not.toBe(band(order[i - 1]!));
    }
  });
});
