import { describe, expect, it } from "vitest";
import { forgetSubmitDrafts } from "./sign-out";
import { submitDraftKey } from "./submit-drafts";

/** The Storage interface over a Map, as the browser's localStorage behaves. */
function memoryStorage(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i) => Array.from(map.keys())[i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe("signing out forgets unsubmitted summaries", () => {
  it("removes every scorecard's kept summary and nothing else", () => {
    const storage = memoryStorage({
      [submitDraftKey("sc1")]: '{"summary":"Strong on safeguarding"}',
      [submitDraftKey("sc2")]: '{"summary":"Unsure"}',
      "panelkit:save-queue": "[unsent ratings]",
    });
    forgetSubmitDrafts(storage);
    expect(storage.getItem(submitDraftKey("sc1"))).toBeNull();
    expect(storage.getItem(submitDraftKey("sc2"))).toBeNull();
    expect(storage.getItem("panelkit:save-queue")).toBe("[unsent ratings]");
  });
});
