import { describe, expect, it } from "vitest";
import { figuresFromReport, lighthouseLines, lighthouseTargetRows, medianFigures, type LighthouseMobile } from "./lighthouse";

const report = (performance: number | null, tbt: number, lcp: number, benchmarkIndex?: number) => ({
  categories: { performance: { score: performance }, accessibility: { score: 1 } },
  audits: { "total-blocking-time": { numericValue: tbt }, "largest-contentful-paint": { numericValue: lcp } },
  ...(benchmarkIndex === undefined ? {} : { environment: { benchmarkIndex } }),
});

describe("figuresFromReport", () => {
  it("reads scores as 0 to 100 and the metrics in whole milliseconds", () => {
    expect(figuresFromReport(report(0.953, 187.4, 2210.6, 812.5))).toEqual({ performance: 95, accessibility: 100, tbt_ms: 187, lcp_ms: 2211, benchmark_index: 813 });
    expect(figuresFromReport(report(0.953, 187.4, 2210.6)).benchmark_index).toBeNull();
  });
  it("refuses a run that failed to load the page rather than reporting a zero", () => {
    expect(() => figuresFromReport({ ...report(null, 0, 0), runtimeError: { code: "NO_FCP", message: "no paint" } })).toThrow(/NO_FCP/);
    expect(() => figuresFromReport(report(null, 100, 1000))).toThrow(/performance/);
  });
});

describe("medianFigures", () => {
  it("takes each figure's median over the runs on its own", () => {
    const runs = [figuresFromReport(report(0.9, 300, 1800, 700)), figuresFromReport(report(0.97, 120, 2400, 900)), figuresFromReport(report(0.95, 180, 2000))];
    expect(medianFigures(runs)).toMatchObject({ performance: 95, tbt_ms: 180, lcp_ms: 2000, accessibility: 100, benchmark_index: 700 });
    expect(medianFigures(runs.slice(2)).benchmark_index).toBeNull();
  });
});

describe("lighthouseTargetRows", () => {
  it("passes a page only when every figure meets its target", () => {
    const page = (performance: number, tbt_ms: number, lcp_ms: number) => ({ performance, tbt_ms, lcp_ms, accessibility: 100, benchmark_index: null, runs: [] });
    const figures: LighthouseMobile = { scoring: page(96, 150, 2000), my_interviews: page(96, 210, 2000), signin: page(94, 100, 1500), runs_per_page: 3, measured: "" };
    expect(lighthouseTargetRows(figures).map((row) => row[2])).toEqual([true, false, false]);
    expect(lighthouseTargetRows(undefined).map((row) => row[2])).toEqual([null, null, null]);
  });
});

describe("lighthouseLines", () => {
  const page = (performance: number, tbt_ms: number, lcp_ms: number, benchmark_index: number | null = null) => ({
    performance,
    tbt_ms,
    lcp_ms,
    accessibility: 100,
    benchmark_index,
    runs: [{ performance, tbt_ms, lcp_ms, accessibility: 100, benchmark_index }],
  });
  const figures: LighthouseMobile = { scoring: page(81, 684, 2200), my_interviews: page(79, 642, 1900), signin: page(83, 569, 1500), runs_per_page: 1, measured: "" };

  it("shows each page's figures beside the bare Next.js page's, and the floor's own line", () => {
    const lines = lighthouseLines({ ...figures, floor: page(98, 162, 688) });
    expect(lines[0]).toBe("  scoring: performance 81 (floor 98), TBT 684 ms (floor 162 ms), LCP 2200 ms (floor 688 ms), accessibility 100 (runs: 81/684/2200)");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("  floor (bare Next.js page): performance 98, TBT 162 ms, LCP 688 ms, accessibility 100 (runs: 98/162/688)");
  });
  it("ends with the host's CPU speed as Lighthouse measured it, when the reports have it", () => {
    const lines = lighthouseLines({ ...figures, scoring: page(81, 684, 2200, 640), signin: page(83, 569, 1500, 700), floor: page(98, 162, 688, 660) });
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe("  host CPU (Lighthouse benchmarkIndex, median of 3 runs): 660, from 640 to 700; Lighthouse warns below 1000");
  });
  it("prints the pages alone when no floor was measured", () => {
    const lines = lighthouseLines(figures);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("  signin: performance 83, TBT 569 ms, LCP 1500 ms, accessibility 100 (runs: 83/569/1500)");
  });
});
