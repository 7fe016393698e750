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

  it("lists the letters skipped below the highest label shown, per position, whatever the row order", () => {
    const rows = [
      { label: "Candidate G", position: "Nurse" },
      { label: "Candidate A", position: "Nurse" },
      { label: "Candidate C", position: "Nurse" },
      { label: "Candidate B", position: "Case Manager" },
      { label: "Erased candidate 1a2b3c", position: "Nurse" },
    ];
    expect(blindLabelGaps(rows)).toEqual([
      { position: "Case Manager", missing: ["Candidate A"], more: 0 },
      { position: "Nurse", missing: ["Candidate B", "Candidate D", "Candidate E", "Candidate F"], more: 0 },
    ]);
  });

  it("says nothing when the labels run without a gap, and caps a long list", () => {
    expect(blindLabelGaps([{ label: "Candidate B", position: "X" }, { label: "Candidate A", position: "X" }])).toEqual([]);
    const [gap] = blindLabelGaps([{ label: "Candidate Z", position: "X" }], 3);
    expect(gap).toEqual({ position: "X", missing: ["Candidate A", "Candidate B", "Candidate C"], more: 22 });
  });
});
