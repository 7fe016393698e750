// A SCIM User as Panelkit keeps it: the core attributes it understands are checked (a malformed one is a
// 400 invalidValue, nothing applied); extension attributes (keys that are schema URNs, e.g. Entra's and
// Okta's enterprise extension) are kept as sent; other unknown attributes are dropped, as providers expect.
import { z } from "zod";
import { ScimError } from "./scim-error";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

/** Entra ID has sent booleans as the strings "True"/"False"; anything else is not a boolean. */
const scimBoolean = z.union([
  z.boolean(),
  z.string().trim().toLowerCase().pipe(z.enum(["true", "false"])).transform((s) => s === "true"),
]);
const text = z.string().max(1000);
const multiValued = <T extends z.ZodRawShape>(shape: T) =>
  z.array(z.object({ type: text.optional(), primary: scimBoolean.optional(), display: text.optional(), ...shape }));

const coreUser = z.object({
  userName: z.string().trim().min(1, "userName is required").max(320),
  externalId: z.string().trim().max(320).nullish(),
  active: scimBoolean.optional(),
  displayName: text.nullish(),
  nickName: text.nullish(),
  title: text.nullish(),
  userType: text.nullish(),
  preferredLanguage: text.nullish(),
  locale: text.nullish(),
  timezone: text.nullish(),
  profileUrl: text.nullish(),
  name: z
    .object({
      formatted: text.nullish(),
      familyName: text.nullish(),
      givenName: text.nullish(),
      middleName: text.nullish(),
      honorificPrefix: text.nullish(),
      honorificSuffix: text.nullish(),
    })
    .nullish(),
  emails: multiValued({ value: z.email("emails[].value must be an email address") }).nullish(),
  phoneNumbers: multiValued({ value: text }).nullish(),
});

/** What a checked User carries: the columns, the stored attributes, and the email and name of the person. */
export type CheckedUser = {
  userName: string;
  externalId: string | null;
  active: boolean;
  attributes: Record<string, unknown>;
  email: string;
  name: string;
};

function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
  return `${path || "User"}: ${issue.message}`;
}

/** The person's email: the primary one, else the work one, else the first; else a userName shaped like one. */
function emailOf(user: z.output<typeof coreUser>): string | null {
  const emails = user.emails ?? [];
  const chosen = emails.find((e) => e.primary) ?? emails.find((e) => e.type === "work") ?? emails[0];
  if (chosen) return chosen.value;
  return z.email().safeParse(user.userName).success ? user.userName : null;
}

function nameOf(user: z.output<typeof coreUser>, email: string): string {
  const parts = [user.name?.givenName, user.name?.familyName].filter((p): p is string => !!p?.trim());
  return (user.displayName?.trim() || user.name?.formatted?.trim() || parts.join(" ") || email).slice(0, 200);
}

/** Checks a User as sent (POST, PUT, or the result of a PATCH); throws 400 invalidValue on a malformed core attribute. */
export function checkUser(body: unknown): CheckedUser {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, "A User must be a JSON object.", "invalidSyntax");
  const parsed = coreUser.safeParse(body);
  if (!parsed.success) throw new ScimError(400, firstProblem(parsed.error), "invalidValue");
  const user = parsed.data;
  const email = emailOf(user);
  if (!email) throw new ScimError(400, "A User needs an email address: in emails, or as a userName shaped like one.", "invalidValue");

  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) {
    if (key !== "userName" && key !== "externalId" && key !== "active" && value !== undefined && value !== null) attributes[key] = value;
  }
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith("urn:") || key === USER_SCHEMA) continue;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new ScimError(400, `${key}: an extension's attributes must be an object.`, "invalidValue");
    }
    attributes[key] = value;
  }
  return {
    userName: user.userName,
    externalId: user.externalId ?? null,
    active: user.active ?? true,
    attributes,
    email: email.trim().toLowerCase(),
    name: nameOf(user, email),
  };
}
