import { describe, expect, it } from "vitest";
import { blindLabelGaps, letterOrdinal, ordinalLetters } from "./blind-label-gaps";

describe("blind label gaps", () => {
  it("reads and writes labels in bijective base 26", () => {
    for (const [letters, n] of [["A", 1], ["Z", 26], ["AA", 27], ["AZ", 52], ["BA", 53]] as const) {
      expect(letterOrdinal(letters)).toBe(n);
      expect(ordinalLetters(n)).toBe(letters);
    }
    expect(letterOrdinal("a")).toBeNull();
  });

  it("lists the letters skipped below the highest label shown, per vacancy, whatever the row order", () => {
    const nurse = { vacancyId: "v-nurse", vacancy: "Nurse" };
    const rows = [
      { label: "Candidate G", ...nurse },
      { label: "Candidate A", ...nurse },
      { label: "Candidate C", ...nurse },
      { label: "Candidate B", vacancyId: "v-case", vacancy: "Case Manager" },
      { label: "Erased candidate 1a2b3c", ...nurse },
    ];
    expect(blindLabelGaps(rows)).toEqual([
      { vacancyId: "v-case", vacancy: "Case Manager", missing: ["Candidate A"], more: 0 },
      { vacancyId: "v-nurse", vacancy: "Nurse", missing: ["Candidate B", "Candidate D", "Candidate E", "Candidate F"], more: 0 },
    ]);
  });

  it("keeps two vacancies with the same title apart: labels are numbered per vacancy", () => {
    const rows = [
      { label: "Candidate B", vacancyId: "v-north", vacancy: "Nurse" },
      { label: "Candidate A", vacancyId: "v-south", vacancy: "Nurse" },
      { label: "Candidate C", vacancyId: "v-south", vacancy: "Nurse" },
    ];
    expect(blindLabelGaps(rows)).toEqual([
      { vacancyId: "v-north", vacancy: "Nurse", missing: ["Candidate A"], more: 0 },
      { vacancyId: "v-south", vacancy: "Nurse", missing: ["Candidate B"], more: 0 },
    ]);
  });

  it("says nothing when the labels run without a gap, and caps a long list", () => {
    const x = { vacancyId: "v-x", vacancy: "X" };
    expect(blindLabelGaps([{ label: "Candidate B", ...x }, { label: "Candidate A", ...x }])).toEqual([]);
    const [gap] = blindLabelGaps([{ label: "Candidate Z", ...x }], 3);
    expect(gap).toEqual({ ...x, missing: ["Candidate A", "Candidate B", "Candidate C"], more: 22 });
  });
});
