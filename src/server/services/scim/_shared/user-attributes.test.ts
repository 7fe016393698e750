import { describe, expect, it } from "vitest";
import { ScimError } from "./scim-error";
import { checkUser, USER_SCHEMA } from "./user-attributes";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("checkUser", () => {
  it("keeps core and extension attributes, drops unknown ones and picks the person's email and name", () => {
    const user = checkUser({
      schemas: [USER_SCHEMA, ENTERPRISE],
      userName: "ruth@corp.example",
      active: "False",
      emails: [{ value: "other@corp.example", type: "home" }, { value: "Ruth.Okafor@Corp.example", type: "work", primary: true }],
      name: { givenName: "Ruth", familyName: "Okafor" },
      [ENTERPRISE]: { department: "Crisis line" },
      favouriteColour: "teal",
      password: "never kept",
    });
    expect(user).toMatchObject({ userName: "ruth@corp.example", active: false, email: "ruth.okafor@corp.example", name: "Ruth Okafor", externalId: null });
    expect(Object.keys(user.attributes).sort()).toEqual(["emails", "name", ENTERPRISE].sort());
  });

  it("takes an email-shaped userName when there are no emails; refuses a person without any", () => {
    expect(checkUser({ userName: "kai@corp.example" }).email).toBe("kai@corp.example");
    expect(() => checkUser({ userName: "kai" })).toThrow(/email address/);
  });

  it("refuses malformed core attributes with 400 invalidValue", () => {
    for (const body of [{ userName: "" }, { userName: "a@b.example", emails: [{ value: "nope" }] }, { userName: "a@b.example", active: "maybe" }, { userName: "a@b.example", name: "Ruth" }, { userName: "a@b.example", [ENTERPRISE]: "x" }]) {
      expect(() => checkUser(body)).toThrow(expect.objectContaining({ status: 400, scimType: "invalidValue" }) as ScimError);
    }
  });
});
