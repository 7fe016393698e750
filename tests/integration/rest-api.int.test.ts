// The public REST API (/api/v1) through its route handler: the contract (the OpenAPI document validates and
// every answer in this file matches its operation's response schema), an authorization matrix of every
// endpoint over key personas, the independence rule and drafts (planted notes searched for in every
// answer), idempotency, ETags, rate limits and problem details.
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { API_SCOPES, type ApiScope } from "@/lib/api-scopes";
import { db } from "@/server/db";
import { openApiDocument } from "@/server/rest/openapi-document";
import { API_KEY_WINDOW, apiKeyLimitKey } from "@/server/services/api-keys/count-api-request";
import { addMember } from "./debrief-factories";
import { callerFor, createOrganization, unique } from "./factories";
import { recordDebrief } from "./insights-factories";
import { api, expectConforms, keyFor, type Answer } from "./rest-api-kit";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";

type Fixture = Awaited<ReturnType<typeof createPanelInterview>>;
let f: Fixture;
let secondInterviewId: string;
const DRAFT_NOTE = unique("DRAFT-NOTE");
const SUBMITTED_NOTE = unique("SUBMITTED-NOTE");
const DECISION_REASON = unique("DECISION-REASON");

/** Sends the request and checks the answer against the document (`template` is the documented path). */
async function call(method: string, template: string, path: string, key: string | null, options: Parameters<typeof api>[3] = {}): Promise<Answer> {
  const answer = await api(method, path, key, options);
  expectConforms(answer, method, template);
  return answer;
}

beforeAll(async () => {
  f = await createPanelInterview();
  const [ada, ben, cleo] = f.panelists;
  // Ada keeps a draft with a note; Ben submits with a note; Cleo submits.
  const adaCard = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
  await ada.caller.scorecards.saveNote({ scorecardId: adaCard.id, itemId: adaCard.items[0]!.itemId, body: DRAFT_NOTE, baseVersion: 0 });
  const benCard = await ben.caller.scorecards.mine({ interviewId: f.interviewId });
  await ben.caller.scorecards.saveNote({ scorecardId: benCard.id, itemId: benCard.items[0]!.itemId, body: SUBMITTED_NOTE, baseVersion: 0 });
  await rateAndSubmit(ben.caller, f.interviewId, 3);
  const cleoCard = await cleo.caller.scorecards.mine({ interviewId: f.interviewId });
  await cleo.caller.scorecards.saveNote({ scorecardId: cleoCard.id, itemId: cleoCard.items[0]!.itemId, body: "Sam Candidate stayed calm throughout.", baseVersion: 0 });
  await rateAndSubmit(cleo.caller, f.interviewId, 4);
  await recordDebrief({ orgId: f.org.id, candidateId: f.candidateId, stageId: f.stageId, decision: { outcome: "ADVANCE", rationale: DECISION_REASON } });
  const second = await db().interview.create({
    data: { orgId: f.org.id, candidateId: f.candidateId, scriptVersionId: (await db().interview.findUniqueOrThrow({ where: { id: f.interviewId } })).scriptVersionId,
      scheduledAt: new Date("2027-01-10T10:00:00Z"), panel: { create: [{ userId: f.outsider.userId }] } },
  });
  secondInterviewId = second.id;
}, 60_000);

describe("the contract", () => {
  it("is a valid OpenAPI 3.1 document, served without a key, with a reference page", async () => {
    const result = await new Validator().validate(openApiDocument() as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const served = await api("GET", "/openapi.json", null);
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ openapi: "3.1.0" });
    const page = await api("GET", "/docs", null);
    expect(page.status).toBe(200);
    expect(page.text).toContain("GET /api/v1/vacancies/{id}/scorecards");
    expect(page.text).not.toContain("<script");
  });
});

// ---- The authorization matrix ------------------------------------------------------------------------

type Persona = "hr" | "manager" | "adminSeated" | "ada" | "outsider" | "otherOrg" | "demoted" | "removed" | "revoked" | "expired";
type Case = { method: string; template: string; path: () => string; body?: () => unknown; expect: Partial<Record<Persona, number>> & { default: number } };

const interviewerOnly = { ada: 403, outsider: 403, demoted: 403 };
const denied = { removed: 401, revoked: 401, expired: 401 };

const CASES: Case[] = [
  { method: "GET", template: "/vacancies", path: () => "/vacancies", expect: { default: 200, ...interviewerOnly, ...denied } },
  { method: "GET", template: "/vacancies/{id}", path: () => `/vacancies/${f.vacancyId}`, expect: { default: 200, ...interviewerOnly, ...denied, otherOrg: 404 } },
  { method: "GET", template: "/candidates", path: () => "/candidates", expect: { default: 200, ...interviewerOnly, ...denied } },
  { method: "GET", template: "/candidates/{id}", path: () => `/candidates/${f.candidateId}`, expect: { default: 200, ...interviewerOnly, ...denied, otherOrg: 404 } },
  {
    method: "POST", template: "/candidates", path: () => "/candidates",
    body: () => ({ name: unique("Api Candidate"), vacancyId: f.vacancyId }),
    expect: { default: 201, ...interviewerOnly, ...denied, otherOrg: 404 },
  },
  {
    method: "PATCH", template: "/candidates/{id}", path: () => `/candidates/${f.candidateId}`, body: () => ({ notes: "Called back." }),
    expect: { default: 200, ...interviewerOnly, ...denied, otherOrg: 404 },
  },
  { method: "GET", template: "/interviews", path: () => "/interviews", expect: { default: 200, ...interviewerOnly, ...denied } },
  { method: "GET", template: "/interviews/{id}", path: () => `/interviews/${f.interviewId}`, expect: { default: 200, ...interviewerOnly, ...denied, otherOrg: 404 } },
  {
    method: "POST", template: "/interviews", path: () => "/interviews",
    body: () => ({ candidateId: f.candidateId, scheduledAt: "2027-02-01T09:00:00Z", panelUserIds: [f.outsider.userId] }),
    // HR holds no interviews:write in the app either.
    expect: { default: 201, hr: 403, ...interviewerOnly, ...denied, otherOrg: 404 },
  },
  {
    method: "PATCH", template: "/interviews/{id}", path: () => `/interviews/${secondInterviewId}`, body: () => ({ location: "Room 2" }),
    expect: { default: 200, hr: 403, ...interviewerOnly, ...denied, otherOrg: 404 },
  },
  {
    method: "PUT", template: "/interviews/{id}/panel", path: () => `/interviews/${secondInterviewId}/panel`, body: () => ({ userIds: [f.outsider.userId] }),
    expect: { default: 200, hr: 403, ...interviewerOnly, ...denied, otherOrg: 404 },
  },
  // Reading scorecards and decisions needs membership only: the independence rule decides which (see below).
  { method: "GET", template: "/interviews/{id}/scorecards", path: () => `/interviews/${f.interviewId}/scorecards`, expect: { default: 200, ...denied, otherOrg: 404 } },
  { method: "GET", template: "/vacancies/{id}/scorecards", path: () => `/vacancies/${f.vacancyId}/scorecards`, expect: { default: 200, ...denied, otherOrg: 404 } },
  { method: "GET", template: "/vacancies/{id}/decisions", path: () => `/vacancies/${f.vacancyId}/decisions`, expect: { default: 200, ...denied, otherOrg: 404 } },
  {
    method: "GET", template: "/vacancies/{id}/comparison", path: () => `/vacancies/${f.vacancyId}/comparison?blind=true`,
    expect: { default: 200, ...interviewerOnly, ...denied, otherOrg: 404 },
  },
];

describe("every endpoint, as every key persona", () => {
  const keys = {} as Record<Persona, string>;
  /** What each persona may never receive: a draft's note always; the panel's submitted note and the decision's reasons too for those the rule keeps them from. */
  const hidden = (p: Persona) => [DRAFT_NOTE, ...(["hr", "manager"].includes(p) ? [] : [SUBMITTED_NOTE, DECISION_REASON])];

  beforeAll(async () => {
    const other = await createOrganization(["ADMIN"]);
    const seated = await addMember(f.org.id, "Seated Admin", "ADMIN");
    await db().panelMember.create({ data: { interviewId: f.interviewId, userId: seated.userId } });
    const demoted = await addMember(f.org.id, "Demoted HR", "HR");
    const removed = await addMember(f.org.id, "Removed HR", "HR");
    Object.assign(keys, {
      hr: (await keyFor(f.org.id, f.hr.userId)).key,
      manager: (await keyFor(f.org.id, f.manager.userId)).key,
      adminSeated: (await keyFor(f.org.id, seated.userId)).key,
      ada: (await keyFor(f.org.id, f.panelists[0].userId)).key,
      outsider: (await keyFor(f.org.id, f.outsider.userId)).key,
      otherOrg: (await keyFor(other.org.id, other.members.ADMIN.userId)).key,
      demoted: (await keyFor(f.org.id, demoted.userId)).key,
      removed: (await keyFor(f.org.id, removed.userId)).key,
      revoked: (await keyFor(f.org.id, f.hr.userId, API_SCOPES, { revokedAt: new Date() })).key,
      expired: (await keyFor(f.org.id, f.hr.userId, API_SCOPES, { expiresAt: new Date(Date.now() - 1000) })).key,
    });
    // The key loses its power the moment its creator does.
    await db().membership.updateMany({ where: { orgId: f.org.id, userId: demoted.userId }, data: { role: "INTERVIEWER" } });
    await db().membership.deleteMany({ where: { orgId: f.org.id, userId: removed.userId } });
  });

  for (const c of CASES) {
    it(`${c.method} ${c.template}`, async () => {
      const personas = Object.keys(keys) as Persona[];
      // The personas ask at once: the answers must not depend on one another.
      const answers = await Promise.all(personas.map((p) => call(c.method, c.template, c.path(), keys[p], c.body ? { body: c.body() } : {})));
      const outcomes: Record<string, number> = {};
      const expected: Record<string, number> = {};
      personas.forEach((persona, i) => {
        const answer = answers[i]!;
        outcomes[persona] = answer.status;
        expected[persona] = c.expect[persona] ?? c.expect.default;
        for (const secret of hidden(persona)) expect(answer.text, `${persona} ${c.method} ${c.template}`).not.toContain(secret);
        if (answer.status === 401) expect(answer.headers.get("www-authenticate")).toContain("Bearer");
      });
      expect(outcomes).toEqual(expected);
    });
  }

  it("refuses a key without the endpoint's scope with 403 naming it", async () => {
    for (const c of CASES) {
      const scope = (openApiDocument() as unknown as { paths: Record<string, Record<string, { "x-required-scope": ApiScope }>> }).paths[c.template]![c.method.toLowerCase()]!["x-required-scope"];
      const { key } = await keyFor(f.org.id, f.manager.userId, API_SCOPES.filter((s) => s !== scope));
      const answer = await call(c.method, c.template, c.path(), key, c.body ? { body: c.body() } : {});
      expect(answer.status, `${c.method} ${c.template}`).toBe(403);
      expect(answer.body).toMatchObject({ status: 403, required_scope: scope });
    }
  });

  it("keeps the panel's ratings from a creator with a pending seat, and drafts from everyone", async () => {
    const cards = async (persona: Persona) =>
      ((await call("GET", "/interviews/{id}/scorecards", `/interviews/${f.interviewId}/scorecards`, keys[persona])).body as { data: Array<{ panelistId: string }> }).data;
    expect((await cards("hr")).map((c) => c.panelistId).sort()).toEqual([f.panelists[1].userId, f.panelists[2].userId].sort());
    expect(await cards("adminSeated")).toEqual([]);
    expect(await cards("ada")).toEqual([]);
    const comparison = await call("GET", "/vacancies/{id}/comparison", `/vacancies/${f.vacancyId}/comparison`, keys.adminSeated);
    expect(comparison.body).toMatchObject({ withheld: { scorecards: 2 } });
    const decisions = await call("GET", "/vacancies/{id}/decisions", `/vacancies/${f.vacancyId}/decisions`, keys.adminSeated);
    expect(decisions.body).toMatchObject({ data: [] });
  });
});

describe("HR and the hiring manager on the panel, before and after submitting", () => {
  it("read none of the panel's ratings, notes or decisions through the API until their own scorecard is submitted", async () => {
    const g = await createPanelInterview();
    await db().panelMember.createMany({ data: [g.hr, g.manager].map((m) => ({ interviewId: g.interviewId, userId: m.userId })) });
    const note = unique("SEATED-PANEL-NOTE");
    const reason = unique("SEATED-DECISION-REASON");
    const ben = g.panelists[1];
    const benCard = await ben.caller.scorecards.mine({ interviewId: g.interviewId });
    await ben.caller.scorecards.saveNote({ scorecardId: benCard.id, itemId: benCard.items[0]!.itemId, body: note, baseVersion: 0 });
    await rateAndSubmit(ben.caller, g.interviewId, 3);
    await recordDebrief({ orgId: g.org.id, candidateId: g.candidateId, stageId: g.stageId, decision: { outcome: "ADVANCE", rationale: reason } });
    const reads = (key: string) =>
      Promise.all([
        call("GET", "/interviews/{id}/scorecards", `/interviews/${g.interviewId}/scorecards`, key),
        call("GET", "/vacancies/{id}/scorecards", `/vacancies/${g.vacancyId}/scorecards`, key),
        call("GET", "/vacancies/{id}/decisions", `/vacancies/${g.vacancyId}/decisions`, key),
        call("GET", "/vacancies/{id}/comparison", `/vacancies/${g.vacancyId}/comparison`, key),
      ]);
    for (const seated of [g.hr, g.manager]) {
      const key = (await keyFor(g.org.id, seated.userId)).key;
      const before = await reads(key);
      for (const answer of before) {
        expect(answer.status).toBe(200);
        expect(answer.text).not.toContain(note);
        expect(answer.text).not.toContain(reason);
      }
      expect((before[0]!.body as { data: unknown[] }).data).toEqual([]);
      expect((before[1]!.body as { data: unknown[] }).data).toEqual([]);

      await rateAndSubmit(seated.caller, g.interviewId, 2);
      const after = await reads(key);
      const panelists = (after[0]!.body as { data: Array<{ panelistId: string }> }).data.map((c) => c.panelistId);
      expect(panelists).toEqual(expect.arrayContaining([ben.userId, seated.userId]));
      expect(after[0]!.text).toContain(note);
      expect(after[2]!.text).toContain(reason);
    }
  });
});

describe("scorecards, notes and results", () => {
  it("sends ratings without notes unless the key has scorecards:notes", async () => {
    const withoutNotes = (await keyFor(f.org.id, f.hr.userId, API_SCOPES.filter((s) => s !== "scorecards:notes"))).key;
    const plain = await call("GET", "/vacancies/{id}/scorecards", `/vacancies/${f.vacancyId}/scorecards`, withoutNotes);
    const cards = (plain.body as { data: Array<Record<string, unknown>> }).data;
    expect(cards).toHaveLength(2);
    expect(cards[0]!.ratings).toEqual(expect.arrayContaining([expect.objectContaining({ score: expect.any(Number) })]));
    expect(cards[0]).not.toHaveProperty("notes");
    expect(cards[0]).not.toHaveProperty("summary");
    expect(plain.text).not.toContain(SUBMITTED_NOTE);
    const full = await call("GET", "/vacancies/{id}/scorecards", `/vacancies/${f.vacancyId}/scorecards`, (await keyFor(f.org.id, f.hr.userId)).key);
    expect(full.text).toContain(SUBMITTED_NOTE);
    expect(full.text).not.toContain(DRAFT_NOTE);
  });

  it("pages a vacancy's submitted scorecards by cursor for the manager who owns its candidates, and none for another manager", async () => {
    const [, ben, cleo] = f.panelists;
    const walk = async (userId: string) => {
      const key = (await keyFor(f.org.id, userId)).key;
      const seen: string[] = [];
      let cursor: string | null = "";
      while (cursor !== null) {
        const answer = await call("GET", "/vacancies/{id}/scorecards", `/vacancies/${f.vacancyId}/scorecards?limit=1${cursor ? `&cursor=${cursor}` : ""}`, key);
        const page = answer.body as { data: Array<{ panelistId: string }>; next_cursor: string | null };
        seen.push(...page.data.map((c) => c.panelistId));
        cursor = page.next_cursor;
      }
      return seen;
    };
    // The manager wrote the script the candidate was interviewed with: the candidate is theirs.
    expect((await walk(f.manager.userId)).sort()).toEqual([ben!.userId, cleo!.userId].sort());
    // A scorecard carries its vacancy from the moment it is written (the draft included, which stays out).
    const cards = await db().scorecard.findMany({ where: { interviewId: f.interviewId }, select: { vacancyId: true } });
    expect(cards.map((c) => c.vacancyId)).toEqual(cards.map(() => f.vacancyId));
    const stranger = await addMember(f.org.id, "Manager of nothing here", "HIRING_MANAGER");
    expect(await walk(stranger.userId)).toEqual([]);
    // Made a manager of the vacancy (the other way a candidate is a manager's), they see its scorecards.
    await db().vacancyManager.create({ data: { vacancyId: f.vacancyId, userId: stranger.userId } });
    expect((await walk(stranger.userId)).sort()).toEqual([ben!.userId, cleo!.userId].sort());
    await db().vacancyManager.delete({ where: { vacancyId_userId: { vacancyId: f.vacancyId, userId: stranger.userId } } });
    // Were a candidacy moved to another vacancy (no path in the app does), its scorecards would follow.
    const other = await db().vacancy.create({ data: { orgId: f.org.id, title: unique("Moved to") } });
    const rolledBack = new Error("roll back");
    await db()
      .$transaction(async (tx) => {
        await tx.candidate.update({ where: { id: f.candidateId }, data: { vacancyId: other.id } });
        const moved = await tx.scorecard.findMany({ where: { interviewId: f.interviewId }, select: { vacancyId: true } });
        expect(moved.map((c) => c.vacancyId)).toEqual(moved.map(() => other.id));
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
  });

  it("redacts the candidate's name from notes in a blind read, as the app's blind views do", async () => {
    const key = (await keyFor(f.org.id, f.hr.userId)).key;
    const named = await call("GET", "/interviews/{id}/scorecards", `/interviews/${f.interviewId}/scorecards`, key);
    expect(named.text).toContain("Sam Candidate stayed calm");
    const blind = await call("GET", "/interviews/{id}/scorecards", `/interviews/${f.interviewId}/scorecards?blind=true`, key);
    expect(blind.text).not.toContain("Sam");
    expect(blind.text).toMatch(/Candidate [A-Z]+ stayed calm/);
    expect(blind.text).toContain(SUBMITTED_NOTE);
  });

  it("reads decisions with their reasons, and labels candidates in a blind comparison", async () => {
    const key = (await keyFor(f.org.id, f.hr.userId)).key;
    const decisions = await call("GET", "/vacancies/{id}/decisions", `/vacancies/${f.vacancyId}/decisions`, key);
    expect(decisions.body).toMatchObject({ data: [{ candidateId: f.candidateId, outcome: "ADVANCE", rationale: DECISION_REASON }] });
    const blind = await call("GET", "/vacancies/{id}/comparison", `/vacancies/${f.vacancyId}/comparison?blind=true`, key);
    expect(blind.text).not.toContain("Sam Candidate");
    expect(blind.body).toMatchObject({ rows: expect.arrayContaining([expect.objectContaining({ candidateId: f.candidateId, label: expect.stringMatching(/^Candidate [A-Z]+$/) })]) });
    const named = await call("GET", "/vacancies/{id}/comparison", `/vacancies/${f.vacancyId}/comparison`, key);
    expect(named.text).toContain("Sam Candidate");
  });
});

describe("requests", () => {
  let key: string;
  let keyId: string;
  beforeAll(async () => {
    ({ key, id: keyId } = await keyFor(f.org.id, f.manager.userId));
  });

  it("pages candidates by cursor, in order of change, and filters by updated_since", async () => {
    const names = Array.from({ length: 5 }, () => unique("Paged"));
    for (const name of names) await call("POST", "/candidates", "/candidates", key, { body: { name, vacancyId: f.vacancyId } });
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const answer = await call("GET", "/candidates", `/candidates?limit=2&vacancy_id=${f.vacancyId}${cursor ? `&cursor=${cursor}` : ""}`, key);
      const page = answer.body as { data: Array<{ name: string; updatedAt: string }>; next_cursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((c) => c.name));
      cursor = page.next_cursor;
      pages++;
    }
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(-5)).toEqual(names);
    const all = (await call("GET", "/candidates", `/candidates?limit=100&vacancy_id=${f.vacancyId}`, key)).body as { data: Array<{ updatedAt: string }> };
    const since = all.data[all.data.length - 2]!.updatedAt;
    const recent = (await call("GET", "/candidates", `/candidates?vacancy_id=${f.vacancyId}&updated_since=${encodeURIComponent(since)}`, key)).body as { data: unknown[] };
    expect(recent.data.length).toBeGreaterThanOrEqual(2);
    expect(recent.data.length).toBeLessThan(all.data.length);
    const bad = await call("GET", "/candidates", "/candidates?cursor=nonsense", key);
    expect(bad.status).toBe(400);
    expect((await call("GET", "/candidates", "/candidates?limit=101", key)).status).toBe(400);
  });

  it("pages interviews by cursor, in order of change, past any cap, and filters by updated_since and candidate", async () => {
    const created: string[] = [];
    for (let n = 0; n < 3; n++) {
      const answer = await call("POST", "/interviews", "/interviews", key, { body: { candidateId: f.candidateId, scheduledAt: `2027-03-0${n + 1}T09:00:00Z`, panelUserIds: [f.outsider.userId] } });
      expect(answer.status, answer.text).toBe(201);
      created.push((answer.body as { id: string }).id);
    }
    const seen: Array<{ id: string; candidateId: string; updatedAt: string }> = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const answer = await call("GET", "/interviews", `/interviews?limit=2&candidate_id=${f.candidateId}${cursor ? `&cursor=${cursor}` : ""}`, key);
      const page = answer.body as { data: typeof seen; next_cursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data);
      cursor = page.next_cursor;
    }
    expect(new Set(seen.map((i) => i.id)).size).toBe(seen.length);
    expect(seen.slice(-3).map((i) => i.id)).toEqual(created);
    expect(seen.every((i) => i.candidateId === f.candidateId)).toBe(true);
    const since = seen.at(-2)!.updatedAt;
    const recent = (await call("GET", "/interviews", `/interviews?candidate_id=${f.candidateId}&updated_since=${encodeURIComponent(since)}`, key)).body as { data: Array<{ id: string }> };
    expect(recent.data.map((i) => i.id)).toEqual(created.slice(-2));
  });

  it("pages vacancies by cursor in order of change, and filters by updated_since", async () => {
    const titles: string[] = [];
    for (let n = 0; n < 3; n++) {
      const title = unique("Synced vacancy");
      await db().vacancy.create({ data: { orgId: f.org.id, title } });
      titles.push(title);
    }
    const seen: Array<{ title: string; updatedAt: string }> = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = (await call("GET", "/vacancies", `/vacancies?limit=2${cursor ? `&cursor=${cursor}` : ""}`, key)).body as { data: typeof seen; next_cursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data);
      cursor = page.next_cursor;
    }
    expect(new Set(seen.map((v) => v.title)).size).toBe(seen.length);
    expect(seen.slice(-3).map((v) => v.title)).toEqual(titles);
    const recent = (await call("GET", "/vacancies", `/vacancies?updated_since=${encodeURIComponent(seen.at(-2)!.updatedAt)}`, key)).body as { data: Array<{ title: string }> };
    expect(recent.data.map((v) => v.title)).toEqual(titles.slice(-2));
  });

  it("replays a create with the same Idempotency-Key and body, refuses another body, and creates once under concurrency", async () => {
    const body = { name: unique("Idem"), vacancyId: f.vacancyId };
    const headers = { "Idempotency-Key": unique("idem") };
    const first = await call("POST", "/candidates", "/candidates", key, { body, headers });
    const again = await call("POST", "/candidates", "/candidates", key, { body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((again.body as { id: string }).id).toBe((first.body as { id: string }).id);
    const other = await call("POST", "/candidates", "/candidates", key, { body: { ...body, name: unique("Other") }, headers });
    expect(other.status).toBe(422);

    const racing = { name: unique("Race"), vacancyId: f.vacancyId };
    const raceHeaders = { "Idempotency-Key": unique("race") };
    const answers = await Promise.all([1, 2, 3].map(() => call("POST", "/candidates", "/candidates", key, { body: racing, headers: raceHeaders })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => (a.body as { id: string }).id)).size).toBe(1);
    expect(await db().candidate.count({ where: { orgId: f.org.id, name: racing.name } })).toBe(1);
    // The write is audited as the key's creator, with the key named.
    const audit = await db().auditEvent.findFirst({ where: { orgId: f.org.id, action: "api_key.write", entityId: (first.body as { id: string }).id } });
    expect(audit).toMatchObject({ actorId: f.manager.userId, data: expect.objectContaining({ apiKeyId: keyId, operation: "createCandidate" }) });
  });

  it("answers 304 to If-None-Match and 412 to a stale If-Match", async () => {
    const read = await call("GET", "/candidates/{id}", `/candidates/${f.candidateId}`, key);
    const etag = read.headers.get("etag")!;
    expect((await api("GET", `/candidates/${f.candidateId}`, key, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const stale = await call("PATCH", "/candidates/{id}", `/candidates/${f.candidateId}`, key, { body: { notes: "First" }, headers: { "If-Match": '"not-it"' } });
    expect(stale.status).toBe(412);
    const fresh = await call("PATCH", "/candidates/{id}", `/candidates/${f.candidateId}`, key, { body: { notes: unique("Second") }, headers: { "If-Match": etag } });
    expect(fresh.status).toBe(200);
    const lost = await call("PATCH", "/candidates/{id}", `/candidates/${f.candidateId}`, key, { body: { notes: "Third" }, headers: { "If-Match": etag } });
    expect(lost.status).toBe(412);
  });

  it("lets one of several concurrent updates with the same If-Match through and answers 412 to the rest", async () => {
    for (const [template, path, bodyOf] of [
      ["/candidates/{id}", `/candidates/${f.candidateId}`, (n: number) => ({ notes: unique(`Racing ${n}`) })],
      ["/interviews/{id}", `/interviews/${f.interviewId}`, (n: number) => ({ location: unique(`Room ${n}`) })],
    ] as const) {
      const etag = (await call("GET", template, path, key)).headers.get("etag")!;
      const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => call("PATCH", template, path, key, { body: bodyOf(n), headers: { "If-Match": etag } })));
      // Each winner would have overwritten a change its client never saw: exactly one may win.
      expect(answers.map((a) => a.status).sort(), template).toEqual([200, 412, 412, 412, 412]);
      const winner = answers.find((a) => a.status === 200)!;
      expect((await call("GET", template, path, key)).headers.get("etag")).toBe(winner.headers.get("etag"));
    }
  });

  it("answers errors as problem details: bad JSON, media type, validation, unknown path and method", async () => {
    const badJson = await call("POST", "/candidates", "/candidates", key, { rawBody: "{nope", headers: { "Content-Type": "application/json" } });
    expect(badJson.body).toMatchObject({ status: 400, title: "Invalid request" });
    expect((await call("POST", "/candidates", "/candidates", key, { rawBody: "name=x", headers: { "Content-Type": "text/plain" } })).status).toBe(415);
    const invalid = await call("POST", "/candidates", "/candidates", key, { body: { name: "", vacancyId: f.vacancyId, extra: 1 } });
    expect(invalid.status).toBe(400);
    expect((invalid.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(expect.arrayContaining(["name"]));
    const missing = await api("GET", "/nothing-here", key);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    const wrongMethod = await api("DELETE", "/candidates", key);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");
    expect((await call("GET", "/candidates/{id}", "/candidates/not-a-candidate", key)).status).toBe(404);
    expect((await call("GET", "/candidates", "/candidates", null)).status).toBe(401);
    expect((await call("GET", "/candidates", "/candidates", "pk_00000000_notakeynotakeynotakeynotakeynotakey")).status).toBe(401);
  });

  it("limits requests per key in the shared counter (429 with Retry-After)", async () => {
    const limited = await keyFor(f.org.id, f.manager.userId);
    await db().rateLimit.create({ data: { key: apiKeyLimitKey(limited.id), points: API_KEY_WINDOW.limit, expire: new Date(Date.now() + 60_000) } });
    const answer = await call("GET", "/vacancies", "/vacancies", limited.key);
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("API keys in the app", () => {
  it("are created by admins (shown once), used, listed without the secret and revoked", async () => {
    const admin = callerFor(f.admin.userId);
    const created = await admin.apiKeys.create({ name: "ATS sync", scopes: ["vacancies:read"], expiresAt: null });
    expect(created.key).toMatch(/^pk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect((await call("GET", "/vacancies", "/vacancies", created.key)).status).toBe(200);
    const listed = (await admin.apiKeys.list()).find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({ prefix: created.prefix, scopes: ["vacancies:read"], lastUsedAt: expect.any(Date), revokedAt: null });
    expect(JSON.stringify(await admin.apiKeys.list())).not.toContain(created.key);
    await admin.apiKeys.revoke({ id: created.id });
    expect((await call("GET", "/vacancies", "/vacancies", created.key)).body).toMatchObject({ status: 401, detail: "This API key was revoked." });
    const actions = await db().auditEvent.findMany({ where: { entityId: created.id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
  });
});
