import { describe, expect, it } from "vitest";
import { figuresFromReport, lighthouseTargetRows, medianFigures, type LighthouseMobile } from "./lighthouse";

const report = (performance: number | null, tbt: number, lcp: number) => ({
  categories: { performance: { score: performance }, accessibility: { score: 1 } },
  audits: { "total-blocking-time": { numericValue: tbt }, "largest-contentful-paint": { numericValue: lcp } },
});

describe("figuresFromReport", () => {
  it("reads scores as 0 to 100 and the metrics in whole milliseconds", () => {
    expect(figuresFromReport(report(0.953, 187.4, 2210.6))).toEqual({ performance: 95, accessibility: 100, tbt_ms: 187, lcp_ms: 2211 });
  });
  it("refuses a run that failed to load the page rather than reporting a zero", () => {
    expect(() => figuresFromReport({ ...report(null, 0, 0), runtimeError: { code: "NO_FCP", message: "no paint" } })).toThrow(/NO_FCP/);
    expect(() => figuresFromReport(report(null, 100, 1000))).toThrow(/performance/);
  });
});

describe("medianFigures", () => {
  it("takes each figure's median over the runs on its own", () => {
    const runs = [figuresFromReport(report(0.9, 300, 1800)), figuresFromReport(report(0.97, 120, 2400)), figuresFromReport(report(0.95, 180, 2000))];
    expect(medianFigures(runs)).toMatchObject({ performance: 95, tbt_ms: 180, lcp_ms: 2000, accessibility: 100 });
  });
});

describe("lighthouseTargetRows", () => {
  it("passes a page only when every figure meets its target", () => {
    const page = (performance: number, tbt_ms: number, lcp_ms: number) => ({ performance, tbt_ms, lcp_ms, accessibility: 100, runs: [] });
    const figures: LighthouseMobile = { scoring: page(96, 150, 2000), my_interviews: page(96, 210, 2000), signin: page(94, 100, 1500), runs_per_page: 3, measured: "" };
    expect(lighthouseTargetRows(figures).map((row) => row[2])).toEqual([true, false, false]);
    expect(lighthouseTargetRows(undefined).map((row) => row[2])).toEqual([null, null, null]);
  });
});
