import { describe, expect, it } from "vitest";
import { impactRatios, relativeLikelihood, selectionRate } from "./selection-rates";

describe("impactRatios", () => {
  it("reproduces the Uniform Guidelines' own example: 48 of 80 White and 12 of 40 Black applicants hired", () => {
    // 29 CFR 1607.4(D) and the agencies' Questions and Answers (Q 12): rates 60% and 30%, ratio 0.5 < 4/5.
    const [white, black] = impactRatios([
      { group: "white", selected: 48, total: 80 },
      { group: "black", selected: 12, total: 40 },
    ]);
    expect(white).toMatchObject({ rate: 0.6, impactRatio: 1, fourFifthsFlag: false });
    expect(black).toMatchObject({ rate: 0.3, impactRatio: 0.5, fourFifthsFlag: true });
  });

  it("does not flag a ratio of exactly four fifths, and leaves groups without a rate out", () => {
    const rates = impactRatios([
      { group: "a", selected: 5, total: 10 },
      { group: "b", selected: 4, total: 10 },
      { group: "c", selected: 0, total: 0 },
    ]);
    expect(rates[1]).toMatchObject({ impactRatio: 0.8, fourFifthsFlag: false });
    expect(rates[2]).toMatchObject({ rate: null, impactRatio: null, fourFifthsFlag: false });
  });

  it("gives no ratio when nobody in any group was selected", () => {
    const rates = impactRatios([
      { group: "a", selected: 0, total: 10 },
      { group: "b", selected: 0, total: 7 },
    ]);
    expect(rates.map((r) => r.impactRatio)).toEqual([null, null]);
  });

  it("refuses more selected than considered", () => {
    expect(() => selectionRate(3, 2)).toThrow(RangeError);
  });
});

describe("relativeLikelihood (NHS WRES indicator 2)", () => {
  it("is the reference group's appointment rate over the group's: 30/100 vs 10/60 gives 1.80", () => {
    // WRES technical guidance: 0.30 / 0.1667 = 1.80, i.e. the reference group 1.8 times as likely to be appointed.
    expect(relativeLikelihood({ appointed: 30, shortlisted: 100 }, { appointed: 10, shortlisted: 60 })).toBeCloseTo(1.8, 10);
  });

  it("is undefined when nobody in the group was appointed or shortlisted", () => {
    expect(relativeLikelihood({ appointed: 3, shortlisted: 10 }, { appointed: 0, shortlisted: 10 })).toBeNull();
    expect(relativeLikelihood({ appointed: 3, shortlisted: 10 }, { appointed: 0, shortlisted: 0 })).toBeNull();
  });
});
