// Webhooks (issue 22) against a real HTTP receiver on 127.0.0.1 and a real job worker: Standard Webhooks
// signatures checked by the independent `standardwebhooks` package, retries with the same webhook-id,
// timeouts, redirects not followed, order per resource, replay, secret rotation, the private-address guard,
// and what payloads may carry (ids; notes only for an endpoint granted them; nothing for drafts or shadows).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Runner } from "graphile-worker";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { deliverWebhookTaskWith } from "@/server/jobs/deliver-webhook-job";
import { JOB } from "@/server/jobs/job-names";
import { startJobRunner } from "@/server/jobs/start-job-runner";
import { pruneWebhookLog, WEBHOOK_LOG_DAYS } from "@/server/services/webhooks/prune-webhook-log";
import { callerFor, createCandidateRecord, createOrganization } from "./factories";
import { debriefFixture } from "./debrief-factories";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";
import { until } from "./wait-until";

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
type Reply = { status: number; headers?: Record<string, string>; body?: string; hang?: boolean };

const received: Received[] = [];
/** What the receiver answers on a path: a fixed reply, or a list used up one request at a time (then 200). */
const replies = new Map<string, Reply[]>();
let server: Server;
let base = "";
let runner: Runner;
/** Organisations of this file: the worker leaves other files' deliveries alone (they point at no receiver of ours). */
const ours = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = replies.get(path)?.shift() ?? { status: 200, body: "ok" };
      if (reply.hang) return; // never answers: the sender's timeout must end it
      res.writeHead(reply.status, reply.headers).end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const task = deliverWebhookTaskWith({ retryDelaysMs: [100], timeoutMs: 1_000, orderingPollMs: 50 });
  runner = await startJobRunner({
    crontab: "",
    concurrency: 4,
    pollInterval: 50,
    taskList: {
      [JOB.deliverWebhook]: async (payload, helpers) => {
        const { deliveryId } = payload as { deliveryId: string };
        const delivery = await db().webhookDelivery.findUnique({ where: { id: deliveryId }, select: { endpoint: { select: { orgId: true } } } });
        if (delivery && ours.has(delivery.endpoint.orgId)) await task(payload, helpers);
      },
    },
  });
});

afterAll(async () => {
  await runner?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** Webhook work here is quick: wait at most 5 s, looking every 50 ms. */
const soon = <T>(read: () => Promise<T> | T, done: (value: T) => boolean) => until(read, done, 5_000, 50);

const at = (path: string) => received.filter((r) => r.path === path);
const json = (r: Received) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> };
const headersOf = (r: Received) => ({
  "webhook-id": String(r.headers["webhook-id"]),
  "webhook-timestamp": String(r.headers["webhook-timestamp"]),
  "webhook-signature": String(r.headers["webhook-signature"]),
});
let pathCount = 0;
const newPath = (label: string) => `/${label}-${++pathCount}`;

/** An organisation whose admin allows private URLs (the receiver is on 127.0.0.1). */
async function adminAllowingPrivate(orgId?: string, adminId?: string) {
  const setup = orgId && adminId ? { orgId, adminId } : await createOrganization(["ADMIN"]).then((o) => ({ orgId: o.org.id, adminId: o.members.ADMIN.userId }));
  ours.add(setup.orgId);
  const admin = callerFor(setup.adminId);
  await admin.webhooks.updateSettings({ allowPrivateUrls: true });
  return { ...setup, admin };
}

describe("webhooks", () => {
  it("sign scorecard and interview events the independent verifier accepts; ids only, notes only where granted; nothing for a draft or a shadow", async () => {
    const panel = await createPanelInterview();
    const { admin } = await adminAllowingPrivate(panel.org.id, panel.admin.userId);
    const [plainPath, notesPath] = [newPath("plain"), newPath("notes")];
    const events = ["scorecard.submitted", "interview.all_submitted", "interview.cancelled"] as const;
    const plain = await admin.webhooks.create({ url: base + plainPath, events: [...events], includeNotes: false, description: "" });
    const withNotes = await admin.webhooks.create({ url: base + notesPath, events: [...events], includeNotes: true, description: "ATS" });

    const [a, b, c] = panel.panelists;
    // A shadow submits: shadows never count, so nothing is sent.
    const shadow = panel.outsider;
    await db().panelMember.create({ data: { interviewId: panel.interviewId, userId: shadow.userId, shadow: true } });
    await rateAndSubmit(shadow.caller, panel.interviewId);
    // A draft with a note: nothing is sent for it, and its words never leave.
    const draftNote = "DRAFT-NOTE-never-sent";
    const draft = await c.caller.scorecards.mine({ interviewId: panel.interviewId });
    await c.caller.scorecards.saveNote({ scorecardId: draft.id, itemId: draft.items[0]!.itemId, body: draftNote, baseVersion: 0 });

    const submittedNote = "SUBMITTED-NOTE-for-the-ats";
    const first = await a.caller.scorecards.mine({ interviewId: panel.interviewId });
    await a.caller.scorecards.saveNote({ scorecardId: first.id, itemId: first.items[0]!.itemId, body: submittedNote, baseVersion: 0 });
    await rateAndSubmit(a.caller, panel.interviewId);
    await rateAndSubmit(b.caller, panel.interviewId, 2);
    await soon(() => at(notesPath).length, (n) => n === 2);
    expect(at(plainPath).map((r) => json(r).type)).toEqual(["scorecard.submitted", "scorecard.submitted"]);
    expect([...at(plainPath), ...at(notesPath)].filter((r) => r.body.includes(draftNote) || r.body.includes(shadow.userId))).toEqual([]);

    // The last counting panelist completes the interview.
    await rateAndSubmit(c.caller, panel.interviewId);
    await soon(() => at(plainPath).length + at(notesPath).length, (n) => n === 8);
    for (const [path, endpoint] of [[plainPath, plain], [notesPath, withNotes]] as const) {
      const bodies = at(path).map(json);
      expect(bodies.filter((e) => e.type === "scorecard.submitted")).toHaveLength(3);
      expect(bodies.filter((e) => e.type === "interview.all_submitted").map((e) => e.data)).toEqual([
        { interviewId: panel.interviewId, candidateId: panel.candidateId, vacancyId: panel.vacancyId, stageId: panel.stageId },
      ]);
      for (const request of at(path)) {
        expect(request.headers["content-type"]).toBe("application/json");
        expect(new Webhook(endpoint.secret).verify(request.body, headersOf(request))).toEqual(JSON.parse(request.body));
        for (const name of ["Sam Candidate", a.name, b.name, c.name]) expect(request.body).not.toContain(name);
      }
    }
    const firstCard = (path: string) => at(path).map(json).find((e) => e.data.scorecardId === first.id)!;
    expect(firstCard(plainPath).data).toEqual({
      scorecardId: first.id,
      interviewId: panel.interviewId,
      candidateId: panel.candidateId,
      vacancyId: panel.vacancyId,
      stageId: panel.stageId,
      recommendation: "YES",
    });
    expect(at(plainPath).some((r) => r.body.includes(submittedNote))).toBe(false);
    expect(firstCard(notesPath).data.notes).toEqual([{ itemId: first.items[0]!.itemId, body: submittedNote }]);

    await admin.interviews.update({ id: panel.interviewId, status: "CANCELLED" });
    const cancelled = await soon(() => at(plainPath).map(json).filter((e) => e.type === "interview.cancelled"), (e) => e.length === 1);
    expect(cancelled[0]!.data).toEqual({ interviewId: panel.interviewId });

    // Another organisation's admin meets NOT_FOUND for this endpoint.
    const stranger = await createOrganization(["ADMIN"]);
    await expect(callerFor(stranger.members.ADMIN.userId).webhooks.deliveries({ endpointId: plain.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("send interview.all_submitted once when removing the last pending seat completes the interview", async () => {
    const panel = await createPanelInterview();
    const { admin } = await adminAllowingPrivate(panel.org.id, panel.admin.userId);
    const path = newPath("completed");
    await admin.webhooks.create({ url: base + path, events: ["interview.all_submitted"], includeNotes: false, description: "" });
    const [a, b, c] = panel.panelists;
    await rateAndSubmit(a.caller, panel.interviewId);
    await rateAndSubmit(b.caller, panel.interviewId);
    await admin.interviews.setPanel({ id: panel.interviewId, userIds: [a.userId, b.userId, c.userId, panel.outsider.userId], shadowUserIds: [] });
    await admin.interviews.setPanel({ id: panel.interviewId, userIds: [a.userId, b.userId], shadowUserIds: [] });
    await soon(() => at(path).length, (n) => n === 1);
    await new Promise((r) => setTimeout(r, 200)); // time for a second one to show up
    expect(at(path).map((r) => json(r))).toMatchObject([{ type: "interview.all_submitted", data: { interviewId: panel.interviewId } }]);
  });

  it("send decision.recorded with ids and the outcome, never the rationale or the override's reason", async () => {
    const panel = await createPanelInterview();
    const { admin } = await adminAllowingPrivate(panel.org.id, panel.admin.userId);
    const path = newPath("decided");
    await admin.webhooks.create({ url: base + path, events: ["decision.recorded"], includeNotes: true, description: "" });
    const { scriptVersionId } = await db().interview.findUniqueOrThrow({ where: { id: panel.interviewId } });
    const [a, b] = panel.panelists;
    const debrief = await debriefFixture({ orgId: panel.org.id, managerId: panel.manager.userId, versionId: scriptVersionId, pendingIds: [], submittedIds: [a!.userId, b!.userId], state: "open" });
    const rationale = "Empathy was thin throughout. DECISION-SECRET";
    await panel.manager.caller.debriefs.decide({ debriefId: debrief.debriefId!, outcome: "REJECT", nextStageId: null, rationale, overrideJustification: "The post was withdrawn. OVERRIDE-SECRET" });
    await soon(() => at(path).length, (n) => n === 1);
    expect(json(at(path)[0]!)).toMatchObject({ type: "decision.recorded", data: { candidateId: debrief.candidateId, stageId: debrief.stageId, outcome: "REJECT" } });
    expect(at(path)[0]!.body).not.toMatch(/DECISION-SECRET|OVERRIDE-SECRET/);
  });

  it("keep the delivery log for its keep period, and an event still being delivered whatever its age", async () => {
    const { orgId, admin } = await adminAllowingPrivate();
    const endpoint = await admin.webhooks.create({ url: base + newPath("log"), events: ["candidate.created"], includeNotes: false, description: "" });
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const event = async (label: string, createdAt: Date, status: "PENDING" | "SUCCEEDED" | "FAILED") => {
      const id = `msg_${label}_${orgId}`;
      await db().webhookEvent.create({
        data: { id, orgId, type: "candidate.created", resourceType: "Candidate", resourceId: label, payload: {}, createdAt,
          deliveries: { create: [{ endpointId: endpoint.id, status, attemptLog: { create: [{ number: 1, durationMs: 5, responseStatus: 200 }] } }] } },
      });
      return id;
    };
    const oldDelivered = await event("old-delivered", daysAgo(WEBHOOK_LOG_DAYS + 1), "SUCCEEDED");
    const oldFailed = await event("old-failed", daysAgo(WEBHOOK_LOG_DAYS + 5), "FAILED");
    const oldPending = await event("old-pending", daysAgo(WEBHOOK_LOG_DAYS + 2), "PENDING");
    const recent = await event("recent", daysAgo(WEBHOOK_LOG_DAYS - 1), "SUCCEEDED");
    await pruneWebhookLog(db(), now);
    const left = await db().webhookEvent.findMany({ where: { orgId }, select: { id: true } });
    expect(left.map((e) => e.id).sort()).toEqual([oldPending, recent].sort());
    expect(await db().webhookDelivery.count({ where: { eventId: { in: [oldDelivered, oldFailed] } } })).toBe(0);
    expect(await db().webhookAttempt.count({ where: { delivery: { eventId: { in: [oldDelivered, oldFailed] } } } })).toBe(0);
  });

  it("retry after a 500 with the same webhook-id, log every attempt, and replay as a new attempt of the same event", async () => {
    const { admin } = await adminAllowingPrivate();
    const path = newPath("flaky");
    replies.set(path, [{ status: 500, body: "database is down" }, { status: 200, body: "thanks" }]);
    const endpoint = await admin.webhooks.create({ url: base + path, events: ["candidate.created"], includeNotes: false, description: "" });
    const { eventId } = await admin.webhooks.sendTest({ id: endpoint.id });
    const log = await soon(
      () => admin.webhooks.deliveries({ endpointId: endpoint.id, limit: 10 }),
      (l) => l.deliveries[0]?.status === "SUCCEEDED",
    );
    const [delivery] = log.deliveries;
    expect(delivery!.attemptLog.map((a) => [a.number, a.responseStatus, a.responseBody])).toEqual([[1, 500, "database is down"], [2, 200, "thanks"]]);
    expect(at(path).map((r) => r.headers["webhook-id"])).toEqual([eventId, eventId]);

    await admin.webhooks.replay({ deliveryId: delivery!.id });
    await soon(() => at(path).length, (n) => n === 3);
    expect(at(path)[2]!.headers["webhook-id"]).toBe(eventId);
    const replayed = await soon(() => admin.webhooks.deliveries({ endpointId: endpoint.id, limit: 10 }), (l) => l.deliveries[0]!.attempts === 3);
    expect(replayed.deliveries[0]).toMatchObject({ status: "SUCCEEDED", eventType: "webhook.test" });
  });

  it("give up after the schedule on a receiver that times out or redirects, never following the redirect", async () => {
    const { admin } = await adminAllowingPrivate();
    const [slow, moved, target] = [newPath("slow"), newPath("moved"), newPath("target")];
    replies.set(slow, [{ status: 200, hang: true }, { status: 200, hang: true }]);
    const redirect = { status: 302, headers: { location: base + target } };
    replies.set(moved, [redirect, redirect]);
    const endpoints = await Promise.all(
      [slow, moved].map((path) => admin.webhooks.create({ url: base + path, events: ["candidate.created"], includeNotes: false, description: "" })),
    );
    for (const endpoint of endpoints) await admin.webhooks.sendTest({ id: endpoint.id });
    const logs = await soon(
      () => Promise.all(endpoints.map((e) => admin.webhooks.deliveries({ endpointId: e.id, limit: 10 }))),
      (all) => all.every((l) => l.deliveries[0]?.status === "FAILED"),
    );
    const [timedOut, redirected] = logs.map((l) => l.deliveries[0]!.attemptLog);
    expect(timedOut!.map((a) => [a.responseStatus, a.error])).toEqual(Array(2).fill([null, "timed out after 1000 ms"]));
    expect(redirected!.map((a) => [a.responseStatus, a.error])).toEqual(Array(2).fill([302, `redirect to ${base + target} not followed`]));
    expect(at(target)).toEqual([]);
  });

  it("deliver events about one resource in order: a later one waits while an earlier one is retried", async () => {
    const { admin, orgId } = await adminAllowingPrivate();
    const candidate = await createCandidateRecord(orgId, { name: "Sam Candidate", position: "Crisis Worker" });
    const path = newPath("order");
    replies.set(path, [{ status: 503 }]);
    await admin.webhooks.create({ url: base + path, events: ["candidate.updated", "candidate.erased"], includeNotes: false, description: "" });
    for (const status of ["WITHDRAWN", "ACTIVE", "RESERVE"] as const) await admin.candidates.update({ id: candidate.id, status });
    await admin.privacy.erase({ candidateId: candidate.id });
    await soon(() => at(path).length, (n) => n === 5);
    // The first was refused once and retried before the second and third were sent.
    const ids = at(path).map((r) => r.headers["webhook-id"]);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(4);
    expect(at(path).map((r) => json(r).data.status)).toEqual(["WITHDRAWN", "WITHDRAWN", "ACTIVE", "RESERVE", undefined]);
    expect(json(at(path)[4]!)).toMatchObject({ type: "candidate.erased", data: { candidateId: candidate.id, reason: "request" } });
  });

  it("sign with both secrets for a day after a rotation", async () => {
    const { admin } = await adminAllowingPrivate();
    const path = newPath("rotated");
    // By host name: the connection goes through the guarded DNS lookup.
    const before = await admin.webhooks.create({ url: base.replace("127.0.0.1", "localhost") + path, events: ["candidate.created"], includeNotes: false, description: "" });
    const after = await admin.webhooks.rotateSecret({ id: before.id });
    expect(after.secret).not.toBe(before.secret);
    expect(after.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    await admin.webhooks.sendTest({ id: before.id });
    const [request] = await soon(() => at(path), (r) => r.length === 1);
    expect(String(request!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [before.secret, after.secret]) expect(new Webhook(secret).verify(request!.body, headersOf(request!))).toMatchObject({ type: "webhook.test" });
  });

  it("refuse loopback and private URLs unless the organisation allows them, also at delivery time", async () => {
    const { org, members } = await createOrganization(["ADMIN"]);
    ours.add(org.id);
    const admin = callerFor(members.ADMIN.userId);
    const input = { events: ["candidate.created" as const], includeNotes: false, description: "" };
    for (const url of [base + "/refused", "http://localhost:9/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x"]) {
      await expect(admin.webhooks.create({ ...input, url }), url).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    // Allowed, registered and delivered to by host name; then disallowed: the next delivery resolves the name
    // again (no kept-alive connection from the first) and refuses to connect.
    const path = newPath("rebound");
    await admin.webhooks.updateSettings({ allowPrivateUrls: true });
    const endpoint = await admin.webhooks.create({ ...input, url: base.replace("127.0.0.1", "localhost") + path });
    await admin.webhooks.sendTest({ id: endpoint.id });
    await soon(() => at(path).length, (n) => n === 1);
    await admin.webhooks.updateSettings({ allowPrivateUrls: false });
    const { eventId } = await admin.webhooks.sendTest({ id: endpoint.id });
    const log = await soon(
      () => admin.webhooks.deliveries({ endpointId: endpoint.id, limit: 10 }),
      (l) => l.deliveries.find((d) => d.eventId === eventId)?.status === "FAILED",
    );
    expect(log.deliveries.find((d) => d.eventId === eventId)!.attemptLog.map((a) => a.error)).toEqual([
      expect.stringMatching(/private, loopback or link-local/),
      expect.stringMatching(/private, loopback or link-local/),
    ]);
    expect(at(path)).toHaveLength(1);
  });
});
