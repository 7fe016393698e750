// Bad input on the surfaces the tRPC fuzz tests don't reach (tmp audit F1–F9): the REST API's path, SCIM's bodies,
// paths and paging, the CSV exports' date filters and language cookie, the fairness report's days, and hostile
// cells in uploaded workbooks. Each answers a clear 4xx (or reads on) in the surface's own error form: never a
// 500, and nothing half-written.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportLocale, parseExportFilters } from "@/app/api/export/export-request";
import { db } from "@/server/db";
import { handleScimRequest } from "@/server/scim/handle-scim-request";
import { invitationExpiry, newInvitationToken } from "@/server/services/invitations/_shared/invitation-token";
import { callerFor, createOrganization, createUser, unique, vacancyFor } from "./factories";
import { api, expectConforms, keyFor } from "./rest-api-kit";
import { ENTERPRISE, GROUP, scim, scimTokenFor, USER } from "./scim-test-kit";

type Problem = { status: number; title: string; detail: string; errors?: Array<{ field: string; message: string }> };
const NUL_IN = (field: string) => `${field}: contains a NUL character (\\0), which cannot be stored`;

/** The tRPC error a call ends with (code and message), or null when it succeeds. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
  );

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet("Sheet1"));
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

describe("REST API path parameters", () => {
  it("answers a broken %-escape with 400 naming the parameter, with or without a key (F1)", async () => {
    const { org, members } = await createOrganization(["HR"]);
    const { key } = await keyFor(org.id, members.HR.userId);
    for (const [path, template] of [
      ["/candidates/%E0%A4%A", "/candidates/{id}"],
      ["/interviews/%", "/interviews/{id}"],
    ] as const) {
      for (const withKey of [null, key]) {
        const answer = await api("GET", path, withKey);
        expect(answer.status, `${path} ${withKey ? "with" : "without"} a key: ${answer.text}`).toBe(400);
        expectConforms(answer, "GET", template);
        const body = answer.body as Problem;
        expect(body.detail).toMatch(/broken %-escape/);
        expect(body.errors).toEqual([{ field: "id", message: "Broken %-escape in the path" }]);
      }
    }
    const spanish = await api("GET", "/candidates/%E0%A4%A", null, { headers: { "Accept-Language": "es" } });
    expect((spanish.body as Problem).detail).toMatch(/escape % roto/);
  });

  it("refuses a NUL character in a path parameter by name, as it refuses one in the body (F1)", async () => {
    const { org, members } = await createOrganization(["HR"]);
    const { key } = await keyFor(org.id, members.HR.userId);
    const answer = await api("GET", "/candidates/abc%00", key);
    expect(answer.status).toBe(400);
    expectConforms(answer, "GET", "/candidates/{id}");
    expect((answer.body as Problem).errors).toEqual([{ field: "id", message: NUL_IN("id") }]);
  });
});

describe("SCIM", () => {
  async function orgWithToken() {
    const { org, members } = await createOrganization(["ADMIN"]);
    return { org, token: await scimTokenFor(members.ADMIN.userId) };
  }
  const user = (email: string, extra: Record<string, unknown> = {}) => ({ schemas: [USER], userName: email, displayName: "Ada Lovelace", active: true, ...extra });

  it("refuses NUL characters in a User's attributes, its extension and a Group's members with 400 invalidValue, creating nothing (F6)", async () => {
    const { org, token } = await orgWithToken();
    const email = () => `${unique("nul")}@corp.example`;
    const bodies: Array<[string, string, unknown, string]> = [
      ["Users", "displayName", user(email(), { displayName: "Ada\u0000" }), "displayName"],
      ["Users", "externalId", user(email(), { externalId: "x\u0000" }), "externalId"],
      ["Users", "extension", user(email(), { schemas: [USER, ENTERPRISE], [ENTERPRISE]: { department: "\u0000" } }), `${ENTERPRISE}.department`],
      ["Groups", "members", { schemas: [GROUP], displayName: unique("Group"), members: [{ value: "\u0000" }] }, "members.0.value"],
    ];
    for (const [collection, what, body, field] of bodies) {
      const answer = await scim(token, "POST", collection, body);
      expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.contentType).toContain("application/scim+json");
      expect(answer.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "400", scimType: "invalidValue", detail: NUL_IN(field) });
    }
    expect(await db().scimUser.count({ where: { orgId: org.id } })).toBe(0);
    expect(await db().scimGroup.count({ where: { orgId: org.id } })).toBe(0);

    const created = await scim(token, "POST", "Users", user(email()));
    expect(created.status).toBe(201);
    const patched = await scim(token, "PATCH", `Users/${created.body.id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", path: "displayName", value: "Ada\u0000" }],
    });
    expect(patched).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    expect((await scim(token, "GET", `Users/${created.body.id}`)).body.displayName).toBe("Ada Lovelace");
  });

  it("refuses a NUL character in the path's id (Next decodes %00) for every method (F6)", async () => {
    const { token } = await orgWithToken();
    for (const method of ["GET", "PUT", "PATCH", "DELETE"]) {
      const body = method === "PUT" || method === "PATCH" ? JSON.stringify(user("ada@corp.example")) : undefined;
      const request = new Request("http://localhost/scim/v2/Users/%00", {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/scim+json" } : {}) },
        body,
      });
      const response = await handleScimRequest(request, ["Users", "\u0000"]);
      expect(response.status, method).toBe(400);
      expect(await response.json()).toMatchObject({ status: "400", scimType: "invalidValue", detail: NUL_IN("id") });
    }
  });

  it("answers a startIndex beyond any integer with an empty page, not a failure (F7)", async () => {
    const { token } = await orgWithToken();
    await scim(token, "POST", "Users", user(`${unique("page")}@corp.example`));
    for (const collection of ["Users", "Groups"]) {
      const page = await scim(token, "GET", `${collection}?startIndex=10000000000000000000&count=5`);
      expect(page.status, `${collection}: ${JSON.stringify(page.body)}`).toBe(200);
      expect(page.body.Resources).toEqual([]);
      expect(page.body.totalResults).toBe(collection === "Users" ? 1 : 0);
    }
  });
});

describe("CSV exports", () => {
  const filters = (query: string) => parseExportFilters(new URL(`http://localhost/api/export/comparison?${query}`));

  it("refuses days that do not exist or fall outside the app's years, naming the parameter (F5)", () => {
    for (const [query, message] of [
      ["from=0000-01-01", "from: Choose a date from 2000 to 2099"],
      ["to=-000001-01-01", "to: Use a date like 2026-12-01"],
      ["from=2026-02-30", "from: There is no such day: check the month and the day"],
      ["to=2026-13-01", "to: There is no such day: check the month and the day"],
      ["from=0001-01-01T00:00:00Z", "from: Choose a date from 2000 to 2099"],
      ["from=not-a-date", "from: Use a date like 2026-12-01"],
    ] as const) {
      expect(filters(query), query).toEqual({ ok: false, message });
    }
  });

  it("reads a bare `to` day as the whole day, and the pages' instants as they are", () => {
    const day = filters("from=2026-02-28&to=2026-02-28");
    expect(day.ok && [day.filters.from?.toISOString(), day.filters.to?.toISOString()]).toEqual(["2026-02-28T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
    const instants = filters("from=2026-02-27T23:00:00.000Z&to=2026-03-01T00:00:00%2B01:00");
    expect(instants.ok && [instants.filters.from?.toISOString(), instants.filters.to?.toISOString()]).toEqual(["2026-02-27T23:00:00.000Z", "2026-02-28T23:00:00.000Z"]);
  });

  it("treats a NEXT_LOCALE cookie with a broken %-escape as absent (F9)", async () => {
    const { members } = await createOrganization(["HR"]);
    const of = (cookie: string, acceptLanguage = "es") =>
      exportLocale(new Request("http://localhost/api/export/comparison", { headers: { cookie, "accept-language": acceptLanguage } }), db(), members.HR.userId, null);
    expect(await of("NEXT_LOCALE=%E0")).toBe("es");
    expect(await of("theme=%; NEXT_LOCALE=%E0%A4%A", "en")).toBe("en");
    expect(await of("NEXT_LOCALE=es", "en")).toBe("es");
  });
});

describe("fairness report days", () => {
  it("refuses days that do not exist or fall outside the app's years with BAD_REQUEST naming the field (F4)", async () => {
    const { members } = await createOrganization(["HR"]);
    const hr = callerFor(members.HR.userId);
    expect(await failure(hr.monitoring.report({ from: "2026-13-01" }))).toEqual({ code: "BAD_REQUEST", message: "from: There is no such day: check the month and the day" });
    expect(await failure(hr.monitoring.report({ to: "2026-02-30" }))).toEqual({ code: "BAD_REQUEST", message: "to: There is no such day: check the month and the day" });
    expect(await failure(hr.monitoring.report({ from: "0000-01-01" }))).toEqual({ code: "BAD_REQUEST", message: "from: Choose a date from 2000 to 2099" });
    expect(await failure(hr.monitoring.report({ from: "2026-01-01", to: "2026-12-31" }))).toBeNull();
  });
});

describe("uploaded workbooks", () => {
  /** A sheet of candidates whose Notes column holds a date-formatted 1E+9 (Excel shows #####) in C3. */
  const hugeDate = () =>
    workbook((sheet) => {
      sheet.addRow(["Name", "Email", "Notes"]);
      sheet.addRow(["Ada", "ada@example.com", "fine"]);
      sheet.addRow(["Grace", "grace@example.com", 1e9]);
      sheet.getCell("C3").numFmt = "yyyy-mm-dd";
    });

  it("refuses a date cell that is no date in the candidate import, naming the cell (F2)", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { vacancyId } = await vacancyFor(org.id);
    const file = { name: "candidates.xlsx", base64: await hugeDate() };
    const expected = { code: "BAD_REQUEST", message: expect.stringContaining("Cell C3 is formatted as a date") };
    expect(await failure(manager.candidateImport.preview({ file }))).toEqual(expected);
    const mapping = { name: "Name", email: "Email", phone: null, vacancy: null, notes: "Notes" };
    const confirm = manager.candidateImport.confirm({ file, mapping, defaultVacancyId: vacancyId, duplicates: { all: "skip" as const, rows: [] }, skipRows: [] });
    expect(await failure(confirm)).toEqual(expected);
    expect(await db().candidate.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("refuses the same cell in the bank import's preview, naming the file and the cell (F2)", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const refused = await failure(manager.bankAdmin.previewImportFile({ fileName: "bank.xlsx", content: await hugeDate() }));
    expect(refused).toEqual({ code: "BAD_REQUEST", message: expect.stringMatching(/“bank\.xlsx”: Cell C3 is formatted as a date/) });
  });

  it("offers the mapping step for a sheet whose first row is a title over 200 characters (F3)", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const title = `Questions for the customer-service role – write one per row, ${"with what it assesses, how to answer and an example. ".repeat(4).trim()}`;
    expect(title.length).toBeGreaterThan(200);
    const csv = `"${title}",Purpose,Guidance,Example answer\nHow do you calm an upset caller?,Empathy,Listens first,I let them speak\n`;
    const preview = await manager.bankAdmin.previewImportFile({ fileName: "bank.csv", content: Buffer.from(csv).toString("base64") });
    expect(preview.columns?.headers[0]).toBe(title);
    expect(preview.columns?.mapping).toMatchObject({ text: null, assesses: "Purpose", howToAnswer: "Guidance", exampleAnswer: "Example answer" });
  });
});

describe("invitations accepted at the same moment (F11)", () => {
  /** A pending invitation of `orgId` for `email`, made as the app makes them; its token. */
  async function invite(orgId: string, email: string, role: "INTERVIEWER" | "HR" = "INTERVIEWER") {
    const { token, tokenHash } = newInvitationToken();
    await db().invitation.create({ data: { orgId, email, role, tokenHash, expiresAt: invitationExpiry() } });
    return token;
  }

  it("makes one account for one email invited by two organisations and accepted twice at once, and tells the other to sign in", async () => {
    for (let round = 0; round < 3; round++) {
      const email = `${unique("twice")}@example.org`;
      const [a, b] = [(await createOrganization(["ADMIN"])).org, (await createOrganization(["ADMIN"])).org];
      const tokens = [await invite(a.id, email), await invite(b.id, email)];
      const results = await Promise.allSettled(tokens.map((token) => callerFor(null).invitations.accept({ token, name: "Ada Twice", password: "a-long-password-93" })));
      for (const result of results) {
        if (result.status === "fulfilled") continue;
        expect(result.reason, `round ${round}`).toMatchObject({ code: "UNAUTHORIZED", message: `Sign in as ${email} to accept.` });
      }
      expect(await db().user.count({ where: { email } }), `round ${round}`).toBe(1);
      // A refused acceptance is undone whole: its link still works once the person signs in.
      const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const pending = await db().invitation.findMany({ where: { email, acceptedAt: null }, select: { tokenHash: true } });
      expect(pending.length, `round ${round}`).toBe(results.filter((r) => r.status === "rejected").length);
      for (const token of tokens) {
        await callerFor(user.id).invitations.accept({ token }).catch((error: { code: string }) => expect(error.code).toBe("CONFLICT"));
      }
      expect(await db().membership.count({ where: { userId: user.id } }), `round ${round}`).toBe(2);
    }
  });

  it("accepts two invitations of one organisation in two tabs at once: one membership, no failure", async () => {
    for (let round = 0; round < 5; round++) {
      const { org } = await createOrganization(["ADMIN"]);
      const user = await createUser("Two tabs");
      const tokens = [await invite(org.id, user.email), await invite(org.id, user.email)];
      const results = await Promise.allSettled(tokens.map((token) => callerFor(user.id).invitations.accept({ token })));
      expect(
        results.map((r) => (r.status === "fulfilled" ? "ok" : String((r.reason as { code?: string }).code))),
        `round ${round}`,
      ).toEqual(["ok", "ok"]);
      expect(await db().membership.count({ where: { orgId: org.id, userId: user.id } })).toBe(1);
      const accepted = await db().auditEvent.findMany({ where: { orgId: org.id, action: "invitation.accepted" }, select: { data: true } });
      expect(accepted.map((e) => (e.data as { membershipCreated: boolean }).membershipCreated).sort()).toEqual([false, true]);
    }
  });
});
