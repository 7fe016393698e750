import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkedRows } from "./checked-rows";

const rowSchema = z.object({ rater: z.string(), score: z.number() });

describe("checkedRows", () => {
  it("hands back the rows when they have the shape the query promises", () => {
    const rows = [{ rater: "a", score: 2 }, { rater: "b", score: 3.5 }];
    expect(checkedRows(rowSchema, rows)).toBe(rows);
  });

  it("refuses rows of another shape (a renamed column) instead of letting undefined through", () => {
    expect(() => checkedRows(rowSchema, [{ rater: "a", mean: 2 }])).toThrow(/score/);
  });

  it("checks a large result too, on its first and last rows at least", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ rater: `r${i}`, score: i % 4 }));
    expect(checkedRows(rowSchema, rows)).toHaveLength(100_000);
    rows[rows.length - 1] = { rater: "last", score: "4" as unknown as number };
    expect(() => checkedRows(rowSchema, rows)).toThrow(/score/);
  });
});
