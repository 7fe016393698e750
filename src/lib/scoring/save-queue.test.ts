import { describe, expect, it } from "vitest";
import { afterSaved, enqueue, loadQueue, newerOf, storeQueue, type QueuedChange } from "./save-queue";

const rating = (competencyId: string, score: number, baseVersion = 0): QueuedChange => ({
  kind: "rating",
  itemId: "item-1",
  competencyId,
  value: { score, notAssessed: false },
  baseVersion,
});

describe("the save queue", () => {
  it("keeps changes to different cells in the order they were made", () => {
    const queue = enqueue(enqueue([], rating("empathy", 3), null), rating("ethics", 2), null);
    expect(queue.map((c) => (c.kind === "rating" ? c.competencyId : c.kind))).toEqual(["empathy", "ethics"]);
  });

  it("replaces a waiting change to the same cell with the latest value, keeping the version the panelist saw", () => {
    const queue = enqueue(enqueue([], rating("empathy", 3, 4), null), rating("empathy", 4, 9), null);
    expect(queue).toEqual([rating("empathy", 4, 4)]);
  });

  it("does not replace the change being sent: the new value waits behind it", () => {
    const queue = enqueue([rating("empathy", 3, 4)], rating("empathy", 4, 4), "r:item-1:empathy");
    expect(queue).toHaveLength(2);
    expect(afterSaved(queue, 5)).toEqual([rating("empathy", 4, 5)]);
  });

  it("survives a reload through storage, and ignores anything unreadable", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const queue = [rating("empathy", 3), { kind: "note", itemId: "item-2", body: "Named the risk", baseVersion: 1 } as QueuedChange];
    storeQueue(storage, "sc1", queue);
    expect(loadQueue(storage, "sc1")).toEqual(queue);
    storeQueue(storage, "sc1", []);
    expect(store.size).toBe(0);
    store.set("panelkit:scorecard-queue:sc2", "{not json");
    expect(loadQueue(storage, "sc2")).toEqual([]);
    store.set("panelkit:scorecard-queue:sc3", JSON.stringify([{ kind: "rating", itemId: 1 }, queue[0]]));
    expect(loadQueue(storage, "sc3")).toEqual([queue[0]]);
  });
});

describe("the last known server state", () => {
  it("prefers, cell by cell, whichever copy has the higher version", () => {
    const page = { a: { body: "old", version: 1 }, b: { body: "page", version: 3 } };
    const stored = { a: { body: "newer", version: 2 }, b: { body: "older", version: 2 }, c: { body: "only stored", version: 1 } };
    expect(newerOf(page, stored)).toEqual({ a: stored.a, b: page.b, c: stored.c });
    expect(page).toEqual({ a: { body: "old", version: 1 }, b: { body: "page", version: 3 } });
  });

  it("gives back the page's own copy when the stored one has nothing newer", () => {
    const page = { a: { body: "saved", version: 2 }, b: { body: "page", version: 3 } };
    expect(newerOf(page, undefined)).toBe(page);
    expect(newerOf(page, {})).toBe(page);
    expect(newerOf(page, { a: { body: "older", version: 1 }, b: { body: "same", version: 3 } })).toBe(page);
    expect(newerOf(page, { b: { body: "newer", version: 4 } })).toEqual({ a: page.a, b: { body: "newer", version: 4 } });
  });
});
