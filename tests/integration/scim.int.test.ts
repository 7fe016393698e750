// SCIM 2.0 provisioning (issue 22) over the /scim/v2 route handler, in the request sequences Entra ID and Okta
// document: look a user up by filter and create them, update, deactivate (access and sessions end at once,
// submitted scorecards stay counted), reactivate, delete; groups whose role maps onto members; and the
// refusals (conflicting email, bad filter, malformed attributes with nothing half-applied, tokens).
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { contextFromHeaders } from "@/server/api/request-context";
import { db } from "@/server/db";
import { SCIM_RATE_LIMIT } from "@/server/services/scim/authenticate-scim-token";
import { callerFor, createOrganization, unique } from "./factories";
import { compareAs } from "./insights-factories";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";
import { ENTERPRISE, GROUP, PATCH_OP, scim, scimTokenFor, sessionCookieFor, SESSION_SECRET, USER } from "./scim-test-kit";

const saved = process.env.NEXTAUTH_SECRET;
beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SESSION_SECRET;
});
afterAll(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = saved;
});

const membershipOf = (orgId: string, userId: string) => db().membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true } });
const userIdOf = async (scimId: string) => (await db().scimUser.findUniqueOrThrow({ where: { id: scimId }, select: { userId: true } })).userId;
const errorCode = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e as TRPCError).code);
const patch = (...Operations: object[]) => ({ schemas: [PATCH_OP], Operations });

/** A User as Entra ID sends it on create (its documented request, with the enterprise extension). */
function entraUser(email: string, externalId = unique("entra")) {
  return {
    schemas: [USER, ENTERPRISE],
    externalId,
    userName: email,
    active: true,
    displayName: "Ruth Okafor",
    emails: [{ primary: true, type: "work", value: email }],
    name: { formatted: "Ruth Okafor", familyName: "Okafor", givenName: "Ruth" },
    [ENTERPRISE]: { department: "Crisis line", employeeNumber: "1007" },
    // An attribute Panelkit doesn't know, outside any extension: ignored, as providers expect.
    roles: [],
  };
}

async function orgWithToken() {
  const { org, members } = await createOrganization(["ADMIN"]);
  return { org, adminId: members.ADMIN.userId, token: await scimTokenFor(members.ADMIN.userId) };
}

describe("Entra ID's sequence", () => {
  it("probes by userName, creates, updates with PATCH, deactivates (sessions end everywhere), reactivates and deletes", async () => {
    const { org, token } = await orgWithToken();
    const email = `${unique("ruth")}@corp.example`;
    // The person already belongs to another organisation (signed up there): provisioning joins that account.
    const elsewhere = await createOrganization(["ADMIN"]);
    const existing = await db().user.create({ data: { email, name: "Ruth O." } });
    await db().membership.create({ data: { orgId: elsewhere.org.id, userId: existing.id, role: "INTERVIEWER" } });

    const probe = await scim(token, "GET", `Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`);
    expect(probe).toMatchObject({ status: 200, body: { totalResults: 0, Resources: [] } });
    expect(probe.contentType).toContain("application/scim+json");

    const created = await scim(token, "POST", "Users", entraUser(email));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userName: email, active: true, [ENTERPRISE]: { department: "Crisis line" } });
    expect(created.body.roles).toBeUndefined();
    const id = created.body.id;
    expect(await userIdOf(id)).toBe(existing.id);
    expect(await membershipOf(org.id, existing.id)).toEqual({ role: "INTERVIEWER" });
    expect((await scim(token, "GET", `Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`)).body.totalResults).toBe(1);

    const updated = await scim(token, "PATCH", `Users/${id}`, patch(
      { op: "Replace", path: "name.givenName", value: "Ruthie" },
      { op: "Replace", path: "emails[type eq \"work\"].value", value: email },
      { op: "Add", path: `${ENTERPRISE}:department`, value: "Training" },
      { op: "Replace", value: { displayName: "Ruthie Okafor" } },
    ));
    expect(updated).toMatchObject({ status: 200, body: { name: { givenName: "Ruthie" }, displayName: "Ruthie Okafor", [ENTERPRISE]: { department: "Training" } } });

    // Signed in (to the other organisation, say) before being deprovisioned here.
    const cookie = await sessionCookieFor(existing.id);
    const before = createCaller(await contextFromHeaders(new Headers({ cookie })));
    expect((await before.org.viewer()).user.id).toBe(existing.id);

    const off = await scim(token, "PATCH", `Users/${id}`, patch({ op: "Replace", path: "active", value: "False" }));
    expect(off).toMatchObject({ status: 200, body: { active: false } });
    expect(await membershipOf(org.id, existing.id)).toBeNull();
    expect(await errorCode(createCaller(await contextFromHeaders(new Headers({ cookie }))).org.viewer())).toBe("UNAUTHORIZED");
    expect(await membershipOf(elsewhere.org.id, existing.id)).toEqual({ role: "INTERVIEWER" });
    expect((await scim(token, "GET", `Users/${id}`)).body).toMatchObject({ id, active: false });

    const on = await scim(token, "PATCH", `Users/${id}`, patch({ op: "Replace", path: "active", value: true }));
    expect(on.body.active).toBe(true);
    expect(await membershipOf(org.id, existing.id)).toEqual({ role: "INTERVIEWER" });

    expect((await scim(token, "DELETE", `Users/${id}`)).status).toBe(204);
    expect((await scim(token, "GET", `Users/${id}`)).status).toBe(404);
    expect(await membershipOf(org.id, existing.id)).toBeNull();
    expect(await db().user.findUnique({ where: { id: existing.id }, select: { id: true } })).not.toBeNull();
  });
});

describe("Okta's sequence", () => {
  it("creates a new person without a password, updates with PUT, deactivates with PUT and reactivates with PATCH", async () => {
    const { org, token } = await orgWithToken();
    const email = `${unique("kai")}@corp.example`;
    const body = {
      schemas: [USER],
      userName: email,
      name: { givenName: "Kai", familyName: "Berg" },
      emails: [{ primary: true, value: email, type: "work" }],
      displayName: "Kai Berg",
      locale: "en-US",
      externalId: unique("00u"),
      groups: [],
      password: "never-stored-1!",
      active: true,
    };
    const probe = await scim(token, "GET", `Users?filter=${encodeURIComponent(`userName eq "${email}"`)}&startIndex=1&count=100`);
    expect(probe.body).toMatchObject({ totalResults: 0, startIndex: 1, itemsPerPage: 0 });
    const created = await scim(token, "POST", "Users", body);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const account = await db().user.findUniqueOrThrow({ where: { id: await userIdOf(id) }, select: { email: true, name: true, passwordHash: true } });
    expect(account).toEqual({ email, name: "Kai Berg", passwordHash: null });
    expect(created.body.password).toBeUndefined();

    const byEmail = await scim(token, "GET", `Users?filter=${encodeURIComponent(`emails[type eq "work"].value eq "${email}"`)}`);
    expect(byEmail.body.Resources.map((r) => r.id)).toEqual([id]);

    const put = await scim(token, "PUT", `Users/${id}`, { ...body, id, displayName: "Kai Bergström" });
    expect(put.body.displayName).toBe("Kai Bergström");
    expect((await db().user.findUniqueOrThrow({ where: { id: await userIdOf(id) } })).name).toBe("Kai Bergström");

    expect((await scim(token, "PUT", `Users/${id}`, { ...body, id, active: false })).body.active).toBe(false);
    expect(await membershipOf(org.id, await userIdOf(id))).toBeNull();
    expect((await scim(token, "PATCH", `Users/${id}`, patch({ op: "replace", value: { active: true } }))).body.active).toBe(true);
    expect(await membershipOf(org.id, await userIdOf(id))).toEqual({ role: "INTERVIEWER" });
  });
});

describe("groups map onto roles", () => {
  it("a member's role follows their groups: the most privileged mapped role, interviewer in none", async () => {
    const { org, adminId, token } = await orgWithToken();
    const a = (await scim(token, "POST", "Users", entraUser(`${unique("a")}@corp.example`))).body.id;
    const b = (await scim(token, "POST", "Users", entraUser(`${unique("b")}@corp.example`))).body.id;
    const name = unique("Hiring managers");
    expect((await scim(token, "GET", `Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name}"`)}`)).body.totalResults).toBe(0);
    const group = await scim(token, "POST", "Groups", { schemas: [GROUP], displayName: name, externalId: unique("g"), members: [{ value: a }] });
    expect(group).toMatchObject({ status: 201, body: { displayName: name, members: [{ value: a }] } });
    const groupId = group.body.id;

    // The admin maps the group in Settings: its members become hiring managers at once.
    await callerFor(adminId).scim.setGroupRole({ groupId, role: "HIRING_MANAGER" });
    expect(await membershipOf(org.id, await userIdOf(a))).toEqual({ role: "HIRING_MANAGER" });
    const settings = await callerFor(adminId).scim.settings();
    expect(settings.groups.find((g) => g.id === groupId)).toMatchObject({ role: "HIRING_MANAGER", members: 1 });
    expect(settings.baseUrl).toMatch(/\/scim\/v2$/);

    // Entra ID adds a member, then removes the first by a value filter in the path.
    const added = await scim(token, "PATCH", `Groups/${groupId}`, patch({ op: "Add", path: "members", value: [{ value: b }] }));
    expect(added.status).toBe(204);
    expect(await membershipOf(org.id, await userIdOf(b))).toEqual({ role: "HIRING_MANAGER" });
    await scim(token, "PATCH", `Groups/${groupId}`, patch({ op: "Remove", path: `members[value eq "${a}"]` }));
    expect(await membershipOf(org.id, await userIdOf(a))).toEqual({ role: "INTERVIEWER" });

    // A second group mapped to HR: b is in both, and hiring manager outranks HR.
    const hr = await scim(token, "POST", "Groups", { schemas: [GROUP], displayName: unique("HR team"), members: [{ value: b }, { value: a }] });
    await callerFor(adminId).scim.setGroupRole({ groupId: hr.body.id, role: "HR" });
    expect(await membershipOf(org.id, await userIdOf(a))).toEqual({ role: "HR" });
    expect(await membershipOf(org.id, await userIdOf(b))).toEqual({ role: "HIRING_MANAGER" });
    // Okta removes with a value list, and renames with PUT.
    await scim(token, "PATCH", `Groups/${groupId}`, patch({ op: "remove", path: "members", value: [{ value: b }] }));
    expect(await membershipOf(org.id, await userIdOf(b))).toEqual({ role: "HR" });
    expect((await scim(token, "PUT", `Groups/${hr.body.id}`, { schemas: [GROUP], displayName: "HR", members: [{ value: a }] })).body.members).toHaveLength(1);
    expect(await membershipOf(org.id, await userIdOf(b))).toEqual({ role: "INTERVIEWER" });
    expect((await scim(token, "DELETE", `Groups/${hr.body.id}`)).status).toBe(204);
    expect(await membershipOf(org.id, await userIdOf(a))).toEqual({ role: "INTERVIEWER" });
  });

  it("never removes the organisation's last admin, by deactivation, deletion or a group's role", async () => {
    const { org, adminId, token } = await orgWithToken();
    const admin = await db().user.findUniqueOrThrow({ where: { id: adminId } });
    // The admin who set SCIM up is provisioned too: their account is joined and they stay admin.
    const id = (await scim(token, "POST", "Users", entraUser(admin.email))).body.id;
    expect(await membershipOf(org.id, adminId)).toEqual({ role: "ADMIN" });

    const refused = await scim(token, "PATCH", `Users/${id}`, patch({ op: "Replace", path: "active", value: false }));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/without an admin/);
    expect((await scim(token, "DELETE", `Users/${id}`)).status).toBe(409);
    const group = await scim(token, "POST", "Groups", { schemas: [GROUP], displayName: unique("Everyone"), members: [{ value: id }] });
    expect(await errorCode(callerFor(adminId).scim.setGroupRole({ groupId: group.body.id, role: "INTERVIEWER" }))).toBe("CONFLICT");
    expect(await membershipOf(org.id, adminId)).toEqual({ role: "ADMIN" });
    expect((await scim(token, "GET", `Users/${id}`)).body.active).toBe(true);
  });
});

describe("a deprovisioned panelist's submitted scorecard", () => {
  it("still counts in the comparison", async () => {
    const panel = await createPanelInterview();
    const panelist = panel.panelists[0];
    await rateAndSubmit(panelist.caller, panel.interviewId);
    const counted = async () => (await compareAs(panel.hr.caller, { vacancyId: panel.vacancyId, blind: false })).rows.find((r) => r.candidateId === panel.candidateId)?.scorecards;
    expect(await counted()).toBe(1);

    const token = await scimTokenFor(panel.admin.userId);
    const email = (await db().user.findUniqueOrThrow({ where: { id: panelist.userId } })).email;
    const id = (await scim(token, "POST", "Users", entraUser(email))).body.id;
    expect((await scim(token, "PATCH", `Users/${id}`, patch({ op: "replace", value: { active: false } }))).status).toBe(200);
    expect(await membershipOf(panel.org.id, panelist.userId)).toBeNull();
    expect(await counted()).toBe(1);
  });
});

describe("refusals", () => {
  it("answers conflicts, bad filters and malformed attributes with SCIM errors, applying nothing", async () => {
    const { org, token } = await orgWithToken();
    const email = `${unique("dup")}@corp.example`;
    const first = await scim(token, "POST", "Users", entraUser(email));
    const id = first.body.id;
    const conflict = await scim(token, "POST", "Users", { ...entraUser(email), userName: unique("other") });
    expect(conflict).toMatchObject({ status: 409, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness" } });
    expect((await scim(token, "POST", "Users", { ...entraUser(`${unique("x")}@corp.example`), userName: email.toUpperCase() })).body.scimType).toBe("uniqueness");

    expect((await scim(token, "GET", `Users?filter=${encodeURIComponent("userName eqq \"x\"")}`)).body).toMatchObject({ status: "400", scimType: "invalidFilter" });
    expect((await scim(token, "GET", `Users?filter=${encodeURIComponent("title co \"x\"")}`)).body.scimType).toBe("invalidFilter");
    expect((await scim(token, "POST", "Users", "{not json")).body.scimType).toBe("invalidSyntax");

    const malformed = await scim(token, "POST", "Users", { ...entraUser(`${unique("m")}@corp.example`), emails: [{ value: "not an email" }] });
    expect(malformed).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    expect((await scim(token, "POST", "Users", { ...entraUser(`${unique("m")}@corp.example`), active: "maybe" })).status).toBe(400);
    // One good operation and one malformed: neither is applied.
    const half = await scim(token, "PATCH", `Users/${id}`, patch(
      { op: "Replace", path: "displayName", value: "Changed" },
      { op: "Replace", path: "name", value: "a string, not a name" },
    ));
    expect(half).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    expect((await scim(token, "GET", `Users/${id}`)).body.displayName).toBe("Ruth Okafor");
    expect((await scim(token, "PATCH", `Users/${id}`, patch({ op: "Replace", path: "id", value: "mine" }))).body.scimType).toBe("mutability");
    expect(await db().scimUser.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("refuses missing and revoked tokens (401) and keeps each organisation's resources to itself (404)", async () => {
    const a = await orgWithToken();
    const b = await orgWithToken();
    const id = (await scim(a.token, "POST", "Users", entraUser(`${unique("own")}@corp.example`))).body.id;
    expect((await scim(null, "GET", "Users")).status).toBe(401);
    expect((await scim("pkscim_nope_nope", "GET", "Users")).status).toBe(401);
    expect((await scim(b.token, "GET", `Users/${id}`)).status).toBe(404);
    expect((await scim(b.token, "PATCH", `Users/${id}`, patch({ op: "replace", value: { active: false } }))).status).toBe(404);
    expect((await scim(b.token, "DELETE", `Users/${id}`)).status).toBe(404);
    expect((await scim(b.token, "GET", "Users")).body.totalResults).toBe(0);
    expect((await scim(b.token, "POST", "Groups", { schemas: [GROUP], displayName: unique("g"), members: [{ value: id }] })).body.scimType).toBe("invalidValue");

    const admin = callerFor(a.adminId);
    const listed = (await admin.scim.settings()).tokens[0]!;
    expect(listed.lastUsedAt).not.toBeNull();
    await admin.scim.revokeToken({ id: listed.id });
    const revoked = await scim(a.token, "GET", `Users/${id}`);
    expect(revoked).toMatchObject({ status: 401, body: { status: "401" } });
    expect(await errorCode(callerFor(b.adminId).scim.revokeToken({ id: listed.id }))).toBe("NOT_FOUND");
    // Discovery needs no token.
    expect((await scim(null, "GET", "ServiceProviderConfig")).body.patch).toEqual({ supported: true });
    expect((await scim(null, "GET", "ResourceTypes")).body.totalResults).toBe(2);
    expect((await scim(null, "GET", "Schemas")).body.Resources.map((s) => s.id)).toEqual([USER, GROUP]);

    // A token past its limit (counted in the database, shared by every instance) waits.
    const bToken = (await callerFor(b.adminId).scim.settings()).tokens[0]!;
    await db().rateLimit.update({ where: { key: `scim:${bToken.id}` }, data: { points: SCIM_RATE_LIMIT.limit } });
    expect((await scim(b.token, "GET", "Users")).body).toMatchObject({ status: "429", scimType: "tooMany" });
  });
});
