import { describe, expect, it } from "vitest";
import { ScimError } from "./scim-error";
import { groupFilter, userFilter } from "./scim-filter";

const scimTypeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ScimError ? `${error.status} ${error.scimType}` : "other";
  }
};

describe("SCIM filters as Entra ID and Okta send them", () => {
  it("looks Users up by userName (any case), externalId and the work email", () => {
    expect(userFilter('userName eq "Ruth@Corp.example"')).toEqual({ userName: { equals: "Ruth@Corp.example", mode: "insensitive" } });
    expect(userFilter('externalId eq "00u1"')).toEqual({ externalId: "00u1" });
    expect(userFilter('emails[type eq "work"].value eq "Ruth@Corp.example"')).toEqual({ AND: [{}, { user: { email: "ruth@corp.example" } }] });
    expect(userFilter('userName eq "a" or active eq false')).toEqual({ OR: [{ userName: { equals: "a", mode: "insensitive" } }, { active: false }] });
    expect(userFilter(null)).toEqual({});
  });

  it("looks Groups up by displayName", () => {
    expect(groupFilter('displayName eq "Hiring managers"')).toEqual({ displayName: { equals: "Hiring managers", mode: "insensitive" } });
  });

  it("refuses what it cannot answer exactly: 400 invalidFilter", () => {
    expect(scimTypeOf(() => userFilter('userName eqq "x"'))).toBe("400 invalidFilter");
    expect(scimTypeOf(() => userFilter('userName co "x"'))).toBe("400 invalidFilter");
    expect(scimTypeOf(() => userFilter('title eq "x"'))).toBe("400 invalidFilter");
    expect(scimTypeOf(() => userFilter("active eq \"yes\""))).toBe("400 invalidFilter");
    expect(scimTypeOf(() => groupFilter('members[display eq "x"]'))).toBe("400 invalidFilter");
  });
});
