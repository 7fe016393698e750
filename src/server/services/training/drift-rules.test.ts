import { describe, expect, it } from "vitest";
import { leniencySums } from "@/lib/statistics/leniency";
import { describeDrift, describeDriftIn, measureDrift } from "./drift-rules";

const thresholds = { driftLeniencyThreshold: 0.5, driftMinRatings: 20 };

/** Raters a, b, c on `candidates` candidates × competencies x and y; a scores `lean` above b and c (as calibration's sums). */
function units(candidates: number, lean: { x: number; y: number }) {
  const rows = [];
  for (let i = 0; i < candidates; i++) {
    for (const comp of ["x", "y"] as const) {
      const base = 1 + (i % 3);
      rows.push({ rater: "a", unit: `cand${i}|${comp}`, score: base + lean[comp] });
      rows.push({ rater: "b", unit: `cand${i}|${comp}`, score: base });
      rows.push({ rater: "c", unit: `cand${i}|${comp}`, score: base });
    }
  }
  return leniencySums(rows, (unit) => unit.slice(unit.lastIndexOf("|") + 1));
}
const counts = (userId: string, one: number, two: number, three: number, four: number) => ({ userId, one, two, three, four });

describe("measureDrift", () => {
  it("flags a lenient rater at the threshold on enough ratings, aimed at the competencies where they lean", () => {
    const m = measureDrift([counts("a", 5, 5, 5, 5), counts("b", 5, 5, 5, 5)], units(10, { x: 0.9, y: 0.1 }), thresholds);
    const a = m.get("a")!;
    expect(a.reasons).toEqual(["LENIENT"]);
    expect(a.leniencyOffset).toBeCloseTo(0.5, 5);
    expect(a.ratings).toBe(20);
    expect(a.competencyIds).toEqual(["x"]);
    expect(m.get("b")!.reasons).toEqual([]);
    expect(describeDrift(a)).toEqual(["rates more leniently than colleagues on the same answers (+0.50 on 20 ratings)"]);
    expect(describeDrift(a, "you")[0]).toMatch(/^you rate more leniently/);
  });

  it("does not flag below the threshold or under the minimum number of ratings", () => {
    expect(measureDrift([counts("a", 5, 5, 5, 5)], units(10, { x: 0.9, y: 0.0 }), thresholds).get("a")!.reasons).toEqual([]);
    expect(measureDrift([counts("a", 5, 5, 5, 4)], units(10, { x: 0.9, y: 0.1 }), thresholds).get("a")!.reasons).toEqual([]);
  });

  it("flags a strict rater, and one who uses only one or two levels", () => {
    const strict = measureDrift([counts("a", 10, 10, 0, 0)], units(10, { x: -0.6, y: -0.6 }), thresholds).get("a")!;
    expect(strict.reasons).toEqual(["SEVERE", "NARROW_RANGE"]);
    expect(strict.levelsUsed).toBe(2);
    expect(describeDrift(strict)).toEqual([
      "rates more strictly than colleagues on the same answers (−0.60 on 20 ratings)",
      "uses only two levels of the scale (20 ratings)",
    ]);
    const allThrees = measureDrift([counts("a", 0, 0, 30, 0)], units(10, { x: 0, y: 0 }), thresholds).get("a")!;
    expect(allThrees.reasons).toEqual(["NARROW_RANGE"]);
    expect(allThrees.competencyIds.sort()).toEqual(["x", "y"]);
  });
});

describe("describeDriftIn", () => {
  const m = { reasons: ["SEVERE", "NARROW_RANGE"] as const, leniencyOffset: -0.614, ratings: 1500, levelsUsed: 2 };
  it("says in English what describeDrift says, and in Spanish with the figure written the Spanish way", () => {
    const drift = { ...m, reasons: [...m.reasons] };
    expect(describeDriftIn("en", drift, "you")).toEqual(describeDrift(drift, "you"));
    expect(describeDriftIn(null, drift)).toEqual(describeDrift(drift));
    expect(describeDriftIn("es", drift, "you")).toEqual([
      "usted califica con más severidad que sus colegas en las mismas respuestas (−0,61 en 1500 calificaciones)",
      "usted usa solo dos niveles de la escala (1500 calificaciones)",
    ]);
  });
});
