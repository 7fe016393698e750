import { describe, expect, it } from "vitest";
import { stateIn, takeBlocks, withState } from "./sse-blocks";

const event = 'data: {"json":[{"userId":"u-1","name":"Ana","state":"IN_PROGRESS"},{"userId":"u-2","name":"Ben","state":"SUBMITTED"}]}';

describe("takeBlocks", () => {
  it("takes the complete blocks and keeps a block cut across chunks for the next one", () => {
    expect(takeBlocks(`event: connected\ndata: {}\n\n${event}\n\ndata: {"js`)).toEqual({ blocks: ["event: connected\ndata: {}", event], rest: 'data: {"js' });
    expect(takeBlocks("data: partial")).toEqual({ blocks: [], rest: "data: partial" });
  });
});

describe("stateIn", () => {
  it("reads the watched panelist's state, not a neighbour's", () => {
    expect(stateIn(event, "u-1")).toBe("IN_PROGRESS");
    expect(stateIn(event, "u-2")).toBe("SUBMITTED");
  });
  it("ignores tRPC's connected event, pings and events without the panelist", () => {
    expect(stateIn('event: connected\ndata: {"userId":"u-1","state":"X"}', "u-1")).toBeNull();
    expect(stateIn(": ping", "u-1")).toBeNull();
    expect(stateIn(event, "u-3")).toBeNull();
  });
});

describe("withState", () => {
  it("changes the watched panelist's state alone, so the floor sends the app's event with each change", () => {
    const changed = withState(event, "u-1", "NOT_STARTED");
    expect(stateIn(changed, "u-1")).toBe("NOT_STARTED");
    expect(stateIn(changed, "u-2")).toBe("SUBMITTED");
    expect(changed.length).toBe(event.length - "IN_PROGRESS".length + "NOT_STARTED".length);
  });
  it("refuses an event without the panelist rather than sending an unchanged one", () => {
    expect(() => withState(event, "u-3", "NOT_STARTED")).toThrow(/u-3/);
  });
});
