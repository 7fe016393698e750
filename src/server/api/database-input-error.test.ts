import { describe, expect, it } from "vitest";
import { badRequestForDataException, findOversizedValue, isDataException, sqlStateOf } from "./database-input-error";

describe("database refusals caused by a value", () => {
  it("reads the SQLSTATE through Prisma's driver-adapter wrapping and from node-postgres", () => {
    const prisma = { code: "P2020", meta: { driverAdapterError: { cause: { originalCode: "22003", kind: "ValueOutOfRange" } } } };
    expect(sqlStateOf(prisma)).toBe("22003");
    expect(sqlStateOf({ code: "22008", severity: "ERROR" })).toBe("22008");
    expect(isDataException({ cause: { code: "22P02" } })).toBe(true);
    expect(isDataException({ code: "23505" })).toBe(false);
    expect(isDataException(new Error("connection refused"))).toBe(false);
  });

  it("names the field holding a number too large for an integer column, else says what to check", () => {
    expect(findOversizedValue({ scorecardId: "x", baseVersion: 2 ** 31 })).toBe("baseVersion");
    expect(findOversizedValue({ cursor: "99999999999999999999" })).toBe("cursor");
    expect(findOversizedValue({ limit: 50, ids: ["1", "2"] })).toBeNull();
    expect(badRequestForDataException({ baseVersion: 2 ** 53 })).toMatchObject({ code: "BAD_REQUEST", field: "baseVersion" });
    expect(badRequestForDataException({}).message).toMatch(/Check numbers and dates/);
  });
});
