// Fairness monitoring, collection: the organisation's settings, links to the equal-opportunities form, the
// form's one submission, storage apart and encrypted, erasure, and the candidate's own export.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { renderNotification } from "@/server/email/render-notification";
import { callerFor, createCandidateRecord, createOrganization, unique, vacancyFor } from "./factories";

type Org = Awaited<ReturnType<typeof createOrganization>>;
let world: Org;
let admin: ReturnType<typeof callerFor>;
let hr: ReturnType<typeof callerFor>;
const signedOut = callerFor(null);

const tokenOf = (link: string) => link.split("/monitoring/")[1]!;

async function freshCandidate(fields: { email?: string; vacancyId?: string } = {}) {
  const vacancyId = fields.vacancyId ?? (await vacancyFor(world.org.id)).vacancyId;
  return createCandidateRecord(world.org.id, { name: unique("Monitored"), email: fields.email ?? `${unique("c")}@candidate.example`, vacancyId });
}

async function freshLink(candidateId?: string) {
  const id = candidateId ?? (await freshCandidate()).id;
  const created = await hr.monitoring.createInvite({ candidateId: id });
  return { candidateId: id, token: tokenOf(created.link), created };
}

const responsesOf = (candidateId: string) => db().monitoringResponse.count({ where: { candidateId } });

beforeAll(async () => {
  world = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"]);
  admin = callerFor(world.members.ADMIN.userId);
  hr = callerFor(world.members.HR.userId);
});

describe("monitoring settings and links", () => {
  it("refuses a link while the organisation collects nothing, then admins choose categories and a smallest cell of at least 5", async () => {
    const candidate = await freshCandidate();
    await expect(hr.monitoring.createInvite({ candidateId: candidate.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("collects no equal-opportunities categories yet"),
    });
    await expect(admin.monitoring.updateSettings({ categories: ["age_band"], minCell: 4, reportForManagers: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("never below 5"),
    });
    await expect(admin.monitoring.updateSettings({ categories: ["shoe_size" as "age_band"], minCell: 5, reportForManagers: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const saved = await admin.monitoring.updateSettings({ categories: ["uk_ethnic_group", "age_band", "age_band"], minCell: 7, reportForManagers: true });
    expect(saved).toEqual({ categories: ["uk_ethnic_group", "age_band"], minCell: 7, reportForManagers: true });
    expect(await admin.monitoring.settings()).toEqual(saved);
    const audited = await db().auditEvent.findFirst({ where: { orgId: world.org.id, action: "monitoring.settings_changed" } });
    expect(audited?.data).toMatchObject({ to: { minCell: 7 } });
  });

  it("lets HR, admins and the vacancy's managers make a link; another hiring manager is refused", async () => {
    const managed = await db().vacancy.create({
      data: { orgId: world.org.id, title: unique("Managed"), managers: { create: [{ userId: world.members.HIRING_MANAGER.userId }] } },
    });
    const theirs = await freshCandidate({ vacancyId: managed.id });
    const manager = callerFor(world.members.HIRING_MANAGER.userId);
    const made = await manager.monitoring.createInvite({ candidateId: theirs.id });
    expect(made.link).toMatch(/\/monitoring\/[A-Za-z0-9_-]{43}$/);
    expect(made.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3_600_000);
    const elsewhere = await freshCandidate();
    await expect(manager.monitoring.createInvite({ candidateId: elsewhere.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Only the hash is stored.
    const stored = await db().monitoringInvite.findFirstOrThrow({ where: { candidateId: theirs.id } });
    expect(stored.tokenHash).not.toContain(tokenOf(made.link));
  });

  it("leaves one working link when two are made at once for the same candidate", async () => {
    const candidate = await freshCandidate();
    const made = await Promise.all([hr.monitoring.createInvite({ candidateId: candidate.id }), admin.monitoring.createInvite({ candidateId: candidate.id })]);
    const states = await Promise.all(made.map(async (m) => (await signedOut.monitoring.form({ token: tokenOf(m.link) })).status));
    expect(states.sort()).toEqual(["revoked", "valid"]);
  });

  it("emails the link to the candidate (rendered at send time) and sends nothing once the link is used", async () => {
    const candidate = await freshCandidate({ email: `${unique("mail")}@candidate.example` });
    const { token } = await freshLink(candidate.id);
    const invite = await db().monitoringInvite.findFirstOrThrow({ where: { candidateId: candidate.id, revokedAt: null } });
    const notification = { kind: "monitoring-invite" as const, orgId: world.org.id, inviteId: invite.id, token };
    const email = await renderNotification(db(), notification, "https://panelkit.example/");
    expect(email?.to).toBe(candidate.email);
    expect(email?.text).toContain(`https://panelkit.example/monitoring/${token}`);
    expect(email?.text).toContain("no effect on your application");
    await signedOut.monitoring.submit({ token, answers: {} });
    expect(await renderNotification(db(), notification, "https://panelkit.example")).toBeNull();
  });
});

describe("the public form", () => {
  it("shows a usable link the organisation's name and questions only, and stores the answers encrypted, once", async () => {
    const { token, candidateId } = await freshLink();
    const form = await signedOut.monitoring.form({ token });
    expect(form).toEqual({ status: "valid", orgName: world.org.name, categories: ["age_band", "uk_ethnic_group"] });
    const planted = unique("Planted-Self-Described-Heritage");
    await signedOut.monitoring.submit({ token, answers: { uk_ethnic_group: { option: "self_describe", text: planted }, age_band: { option: "25_34" } } });

    // The raw column is bytes no one can read as text; the plaintext is nowhere in it.
    const [raw] = await db().$queryRaw<{ bytes: Uint8Array; asText: string }[]>`
      SELECT "ciphertext" AS bytes, encode("ciphertext", 'escape') AS "asText" FROM "MonitoringResponse" WHERE "candidateId" = ${candidateId}`;
    expect(raw).toBeDefined();
    expect(Buffer.from(raw!.bytes).includes(Buffer.from(planted))).toBe(false);
    expect(raw!.asText).not.toContain(planted);
    expect(raw!.asText).not.toContain("25_34");
    // Audited without values.
    const events = await db().auditEvent.findMany({ where: { orgId: world.org.id, action: "monitoring.response_submitted", entityId: candidateId } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({});

    expect(await signedOut.monitoring.form({ token })).toEqual({ status: "used", orgName: null, categories: [] });
    await expect(signedOut.monitoring.submit({ token, answers: {} })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already been answered"),
    });
    expect(await responsesOf(candidateId)).toBe(1);
  });

  it("stores one row when the same form is posted several times at once", async () => {
    const { token, candidateId } = await freshLink();
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => signedOut.monitoring.submit({ token, answers: { age_band: { option: "35_44" } } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await responsesOf(candidateId)).toBe(1);
  });

  it("refuses expired, replaced and unknown links, and a category the organisation does not ask, storing nothing", async () => {
    const expired = await freshLink();
    await db().monitoringInvite.updateMany({ where: { candidateId: expired.candidateId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await signedOut.monitoring.form({ token: expired.token })).status).toBe("expired");
    await expect(signedOut.monitoring.submit({ token: expired.token, answers: {} })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("expired"),
    });

    const first = await freshLink();
    const second = await freshLink(first.candidateId);
    expect((await signedOut.monitoring.form({ token: first.token })).status).toBe("revoked");
    await expect(signedOut.monitoring.submit({ token: first.token, answers: {} })).rejects.toMatchObject({
      message: expect.stringContaining("replaced by a newer one"),
    });

    const unknown = "x".repeat(43);
    expect(await signedOut.monitoring.form({ token: unknown })).toEqual({ status: "unknown", orgName: null, categories: [] });
    await expect(signedOut.monitoring.submit({ token: unknown, answers: {} })).rejects.toMatchObject({ message: expect.stringContaining("not valid") });

    await expect(signedOut.monitoring.submit({ token: second.token, answers: { us_sex: { option: "female" } } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Sex (US EEO)" is not a question this organisation asks',
    });
    await expect(signedOut.monitoring.submit({ token: second.token, answers: { age_band: { option: "purple" } } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await responsesOf(expired.candidateId)).toBe(0);
    expect(await responsesOf(first.candidateId)).toBe(0);
    // The refused attempts left the current link usable.
    expect((await signedOut.monitoring.form({ token: second.token })).status).toBe("valid");
  });
});

describe("the answers kept apart", () => {
  it("go to the candidate's subject-access export, labelled, not to an organisation export, and are erased with the candidate", async () => {
    const { token, candidateId } = await freshLink();
    const planted = unique("Export-Self-Described");
    await signedOut.monitoring.submit({ token, answers: { uk_ethnic_group: { option: "self_describe", text: planted }, age_band: { option: "prefer_not_to_say" } } });

    const full = await admin.privacy.exportCandidate({ candidateId, subjectAccessRequest: true });
    const section = (full as { equalOpportunitiesMonitoring?: { responses: { answers: unknown[] }[] } }).equalOpportunitiesMonitoring;
    expect(section?.responses[0]?.answers).toEqual(
      expect.arrayContaining([
        { question: "What is your ethnic group?", category: "Ethnic group (UK)", answer: "Another ethnic group", describedAs: planted },
        { question: "What is your age?", category: "Age band", answer: "Prefer not to say" },
      ]),
    );
    const ordinary = JSON.stringify(await hr.privacy.exportCandidate({ candidateId }));
    expect(ordinary).not.toContain(planted);
    expect(ordinary).not.toContain("equalOpportunitiesMonitoring");

    await hr.privacy.erase({ candidateId });
    expect(await responsesOf(candidateId)).toBe(0);
    expect(await db().monitoringInvite.count({ where: { candidateId } })).toBe(0);
    await expect(hr.monitoring.createInvite({ candidateId })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("erased") });
  });
});
