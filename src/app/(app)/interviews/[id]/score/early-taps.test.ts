import { afterEach, describe, expect, it, vi } from "vitest";
import { takeEarlyTaps, type EarlyTap } from "./early-taps";

const items = [
  { itemId: "q1", competencies: [{ id: "empathy", anchors: [1, 2, 3, 4].map((level) => ({ level })) }] },
  { itemId: "q2", competencies: [{ id: "ethics", anchors: [1, 2, 3, 4].map((level) => ({ level })) }] },
];

/** The page's inline script, as far as takeEarlyTaps sees it: the taps it kept and its stop(). */
function inlineScriptKept(taps: EarlyTap[]) {
  const stop = vi.fn();
  vi.stubGlobal("window", { __panelkitEarlyTaps: { taps, stop } });
  return stop;
}

afterEach(() => vi.unstubAllGlobals());

describe("takeEarlyTaps", () => {
  it("gives the taps made before the screen was live as ratings, in order, and stops listening", () => {
    const stop = inlineScriptKept([
      { itemId: "q1", competencyId: "empathy", rate: "2" },
      { itemId: "q2", competencyId: "ethics", rate: "na" },
      { itemId: "q1", competencyId: "empathy", rate: "3" },
    ]);
    expect(takeEarlyTaps(items)).toEqual([
      { itemId: "q1", competencyId: "empathy", value: { score: 2, notAssessed: false } },
      { itemId: "q2", competencyId: "ethics", value: { score: null, notAssessed: true } },
      { itemId: "q1", competencyId: "empathy", value: { score: 3, notAssessed: false } },
    ]);
    expect(stop).toHaveBeenCalledOnce();
    // Taken once: a second call (the screen given new props) rates nothing again.
    expect(takeEarlyTaps(items)).toEqual([]);
  });

  it("ignores what names no question, competency or level of this scorecard", () => {
    inlineScriptKept([
      { itemId: "elsewhere", competencyId: "empathy", rate: "2" },
      { itemId: "q1", competencyId: "ethics", rate: "2" },
      { itemId: "q1", competencyId: "empathy", rate: "5" },
      { itemId: "q1", competencyId: "empathy", rate: "2.5" },
      { itemId: "q1", competencyId: "empathy", rate: "" },
    ]);
    expect(takeEarlyTaps(items)).toEqual([]);
  });

  it("says, after a key, which competency the live screen's keys rate next: the following one, or the last again", () => {
    const three = [{ itemId: "q3", competencies: ["empathy", "ethics", "crisis"].map((id) => ({ id, anchors: [1, 2, 3, 4].map((level) => ({ level })) })) }];
    inlineScriptKept([
      { itemId: "q3", competencyId: "empathy", rate: "2", key: true },
      { itemId: "q3", competencyId: "ethics", rate: "na", key: true },
      { itemId: "q3", competencyId: "crisis", rate: "4", key: true },
      { itemId: "q3", competencyId: "ethics", rate: "3", key: false },
    ]);
    expect(takeEarlyTaps(three)).toEqual([
      { itemId: "q3", competencyId: "empathy", value: { score: 2, notAssessed: false }, next: 1 },
      { itemId: "q3", competencyId: "ethics", value: { score: null, notAssessed: true }, next: 2 },
      { itemId: "q3", competencyId: "crisis", value: { score: 4, notAssessed: false }, next: 2 },
      { itemId: "q3", competencyId: "ethics", value: { score: 3, notAssessed: false } },
    ]);
  });

  it("rates nothing when the page has no inline script (a client-side visit, a submitted scorecard)", () => {
    vi.stubGlobal("window", {});
    expect(takeEarlyTaps(items)).toEqual([]);
  });
});
