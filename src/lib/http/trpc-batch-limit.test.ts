import { describe, expect, it } from "vitest";
import { countBatchCalls } from "./trpc-batch-limit";

describe("countBatchCalls", () => {
  it("counts the procedures of a batch path, encoded commas included", () => {
    expect(countBatchCalls("org.viewer")).toBe(1);
    expect(countBatchCalls("org.viewer,banks.list,org.members")).toBe(3);
    expect(countBatchCalls("org.viewer%2Corg.viewer%2corg.viewer")).toBe(3);
    expect(countBatchCalls("org.viewer,%E0%A4%A")).toBe(2);
  });
});
