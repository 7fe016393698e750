import { describe, expect, it } from "vitest";
import { ExitCounter, restartDelayMs } from "./restart-policy";

describe("restart policy", () => {
  it("backs off from half a second, doubling, up to 15 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelayMs(n))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it("restarts up to 5 exits within 2 minutes, then gives up; old exits stop counting", () => {
    const counter = new ExitCounter();
    const decisions = [0, 1000, 2000, 3000, 4000, 5000].map((t) => counter.record(t).restart);
    expect(decisions).toEqual([true, true, true, true, true, false]);
    const later = new ExitCounter();
    for (const t of [0, 1000, 2000, 3000]) later.record(t);
    expect(later.record(200_000)).toEqual({ restart: true, attempt: 1, delayMs: 500 });
  });
});
