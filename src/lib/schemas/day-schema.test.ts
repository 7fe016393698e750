// Days typed or picked in a filter (the fairness report's from/to, and through it the report's page, procedure
// and CSV): the shape alone let through days that do not exist (2026-13-01: a 500; 2026-02-30: silently 2 March)
// and years PostgreSQL cannot store (0000-01-01).
import { describe, expect, it } from "vitest";
import { DAY_FORMAT_MESSAGE, DAY_RANGE_MESSAGE, daySchema, isCalendarDay, NO_SUCH_DAY_MESSAGE } from "./common";
import { DATE_ORDER_MESSAGE, fairnessReportInput } from "./fairness-report";

const messages = (value: unknown) => daySchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe("daySchema", () => {
  it("accepts real days in the app's years, leap days included", () => {
    for (const day of ["2026-12-01", "2024-02-29", "2000-01-01", "2099-12-31"]) expect(daySchema.parse(day)).toBe(day);
  });

  it("refuses a day that is not in the calendar with one message saying so", () => {
    for (const day of ["2026-13-01", "2026-00-10", "2026-02-30", "2025-02-29", "2026-04-31", "2026-01-00"]) {
      expect(messages(day), day).toEqual([NO_SUCH_DAY_MESSAGE]);
    }
    expect(isCalendarDay("2026-02-30")).toBe(false);
  });

  it("refuses years outside the app's range, year 0 included", () => {
    for (const day of ["0000-01-01", "1999-12-31", "2100-01-01", "9999-12-31"]) expect(messages(day), day).toEqual([DAY_RANGE_MESSAGE]);
  });

  it("refuses other shapes with the format message alone", () => {
    for (const value of ["2026-1-01", "01/12/2026", "2026-12-01T00:00:00Z", "", "+02026-12-01"]) expect(messages(value), value).toEqual([DAY_FORMAT_MESSAGE]);
  });
});

describe("fairnessReportInput", () => {
  it("names the field at fault, and checks the order only of two real days", () => {
    const bad = fairnessReportInput.safeParse({ from: "2026-02-30", to: "2026-13-01" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["from", NO_SUCH_DAY_MESSAGE],
      ["to", NO_SUCH_DAY_MESSAGE],
    ]);
    expect(fairnessReportInput.safeParse({ from: "2026-03-02", to: "2026-03-01" }).error?.issues.map((i) => i.message)).toEqual([DATE_ORDER_MESSAGE]);
    expect(fairnessReportInput.parse({ from: "2026-02-28", to: "2026-03-01" })).toEqual({ from: "2026-02-28", to: "2026-03-01" });
  });
});
