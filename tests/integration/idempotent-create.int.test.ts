// Creates carrying an idempotency key (one per form submission): two requests from one submission, even at
// the same moment, make one record; the key belongs to its user and to the action it was first used for.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { debriefFixture } from "./debrief-factories";
import { setUpEmailTestKit } from "./email-test-kit";
import { callerFor, createCandidateRecord, createOrganization, unique, vacancyFor } from "./factories";
import { interviewSetup, publishedScriptVersion } from "./interview-factories";
import { codeOf, failure } from "./script-factories";
import { practiceQuestions, submittedNotes } from "./training-factories";

// Email is set up for this file (an SMTP server in the process), so creates that email someone queue the email.
const { mailTo, startWorker, waitForMail } = setUpEmailTestKit();

/** Emails of one kind queued for an organisation and not yet sent (no worker runs until a test starts one). */
async function queuedEmails(orgId: string, kind: "lay-link" | "monitoring-invite") {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'orgId' = ${orgId} AND payload->>'kind' = ${kind}`;
  return row!.n;
}

/** Two sends of one submission: at the same moment (a double click that got through) and, once both are answered, again (the answer was lost). */
async function sentThrice<T>(send: (idempotencyKey: string) => Promise<T>) {
  const key = randomUUID();
  const together = await Promise.allSettled([send(key), send(key)]);
  const later = await Promise.allSettled([send(key)]);
  return [...together, ...later];
}

describe("idempotent creates", () => {
  it("sends one invitation from two concurrent requests of one form, a panelist's or a member's", async () => {
    const { org, members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    for (const send of [
      (email: string, idempotencyKey: string) => admin.invitations.create({ email, idempotencyKey }),
      (email: string, idempotencyKey: string) => admin.org.inviteMember({ email, role: "HR", idempotencyKey }),
    ]) {
      const email = `${unique("twice")}@test.example`;
      const key = randomUUID();
      const outcomes = await Promise.allSettled([send(email, key), send(email, key)]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected");
      expect((refused as PromiseRejectedResult).reason.message).toContain("already sent from this form");
      expect(await db().invitation.count({ where: { orgId: org.id, email } })).toBe(1);
    }
  });

  it("makes one candidate from two concurrent requests with the same key", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { vacancyId } = await vacancyFor(org.id, { title: "Nurse" });
    const name = unique("Twice");
    const idempotencyKey = randomUUID();
    const [a, b] = await Promise.all([
      manager.candidates.create({ name, vacancyId, idempotencyKey }),
      manager.candidates.create({ name, vacancyId, idempotencyKey }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db().candidate.count({ where: { name } })).toBe(1);

    // A later retry of the same submission answers the same record; a new submission makes a new one.
    expect((await manager.candidates.create({ name, vacancyId, idempotencyKey })).id).toBe(a.id);
    await manager.candidates.create({ name, vacancyId, idempotencyKey: randomUUID() });
    expect(await db().candidate.count({ where: { name } })).toBe(2);
  });

  it("makes one interview, script and bank from concurrent pairs", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "INTERVIEWER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { versionId } = await publishedScriptVersion(manager);
    const { vacancyId, stageId } = await vacancyFor(org.id, { title: "Nurse", scriptVersionId: versionId });
    const candidate = await manager.candidates.create({ name: unique("Pat"), vacancyId });
    const pair = <T>(make: (idempotencyKey: string) => Promise<T>) => {
      const key = randomUUID();
      return Promise.all([make(key), make(key)]);
    };

    const interviews = await pair((idempotencyKey) =>
      manager.interviews.create({
        candidateId: candidate.id,
        stageId,
        scheduledAt: new Date(Date.now() + 86_400_000),
        panelUserIds: [members.INTERVIEWER.userId],
        idempotencyKey,
      }),
    );
    expect(interviews[0].id).toBe(interviews[1].id);
    expect(await db().interview.findMany({ where: { candidateId: candidate.id }, select: { scriptVersionId: true } })).toEqual([
      { scriptVersionId: versionId },
    ]);

    const title = unique("Script");
    const scripts = await pair((idempotencyKey) => manager.scripts.create({ title, role: "Nurse", idempotencyKey }));
    expect(scripts[0].id).toBe(scripts[1].id);
    expect(await db().interviewScript.count({ where: { title } })).toBe(1);

    const bankName = unique("Bank");
    const banks = await pair((idempotencyKey) => manager.bankAdmin.createBank({ name: bankName, role: "Nurse", idempotencyKey }));
    expect(banks[0].id).toBe(banks[1].id);
    expect(await db().questionBank.count({ where: { name: bankName } })).toBe(1);
  });

  it("lets a submission that failed be sent again with its key, and keeps keys per user and per action", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "HR"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const hr = callerFor(members.HR.userId);
    const { vacancyId } = await vacancyFor(org.id, { title: "Nurse" });
    const idempotencyKey = randomUUID();

    expect(
      await codeOf(
        manager.interviews.create({
          candidateId: "no-such-candidate",
          stageId: "no-such-stage",
          scheduledAt: new Date(),
          panelUserIds: [members.HIRING_MANAGER.userId],
          idempotencyKey,
        }),
      ),
    ).toBe("NOT_FOUND");
    const name = unique("Retry");
    const first = await manager.candidates.create({ name, vacancyId, idempotencyKey });

    // Another person's identical key is theirs alone.
    const theirs = await hr.candidates.create({ name, vacancyId, idempotencyKey });
    expect(theirs.id).not.toBe(first.id);

    const reused = await failure(manager.scripts.create({ title: unique("S"), role: "Nurse", idempotencyKey }));
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toBe("This form was already sent for something else. Reload the page and try again.");

    expect(await codeOf(manager.candidates.create({ name, vacancyId, idempotencyKey: "not a uuid" }))).toBe("BAD_REQUEST");
  });
});

// Creates that once had no submission key: sent again after the answer was lost (the connection dropped; the
// form kept its text and said the server can't be reached), each made a second record.
describe("creates sent again after their answer was lost", () => {
  it("seats a panelist without an account once, with one link and one email, however often the form is sent", async () => {
    const setup = await interviewSetup();
    const name = unique("Jane (service user)");
    const email = `${unique("jane")}@service-user.example`;
    const outcomes = await sentThrice((idempotencyKey) =>
      setup.manager.layPanelists.add({ interviewId: setup.interviewId, name, email, strand: "SERVICE_USER", sendEmail: true, idempotencyKey }),
    );
    const issued = outcomes.filter((o) => o.status === "fulfilled");
    expect(issued).toHaveLength(1);
    expect(issued[0]!.value).toMatchObject({ name, emailed: true });
    // The link and code exist only in the first answer (the database keeps their hashes), so a repeat can't
    // show them again: it says where the panelist is and how to get a new link and code.
    for (const refused of outcomes.filter((o) => o.status === "rejected")) {
      expect(refused.reason).toMatchObject({
        code: "CONFLICT",
        message: `${name} was already added from this form: see the panelists without an account. Their link and code are shown only once: for new ones, press “New link and code” beside their name.`,
      });
    }
    const seats = await db().panelMember.findMany({ where: { interviewId: setup.interviewId, user: { layOrgId: setup.org.id } }, select: { userId: true } });
    expect(seats).toEqual([{ userId: issued[0]!.value.userId }]);
    expect(await db().layPanelistLink.count({ where: { interviewId: setup.interviewId } })).toBe(1);
    expect(await queuedEmails(setup.org.id, "lay-link")).toBe(1);
    await startWorker();
    await waitForMail([email]);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a second email, which must not come
    expect(mailTo(email)).toHaveLength(1);
    expect(mailTo(email)[0]!.text).toContain(issued[0]!.value.link.split("/lay/")[1]);
  });

  it("posts a debrief comment once, answering a repeat with the first comment", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "INTERVIEWER", "HR"]);
    const chair = callerFor(members.HIRING_MANAGER.userId);
    const { versionId } = await publishedScriptVersion(chair);
    const unit = await debriefFixture({
      orgId: org.id,
      managerId: members.HIRING_MANAGER.userId,
      versionId,
      pendingIds: [],
      submittedIds: [members.INTERVIEWER.userId, members.HR.userId],
      state: "open",
    });
    const body = unique("We keep the mean");
    const outcomes = await sentThrice((idempotencyKey) =>
      chair.debriefs.comment({ debriefId: unit.debriefId!, itemId: unit.itemId, competencyId: unit.competencyId, body, idempotencyKey }),
    );
    const answers = outcomes.map((o) => (o.status === "fulfilled" ? o.value : o.reason));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await db().debriefComment.findMany({ where: { body }, select: { id: true } })).toEqual([{ id: (answers[0] as { id: string }).id }]);
  });

  it("makes one practice answer, written or from notes, from a form sent again", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "HR", "INTERVIEWER"]);
    const hr = callerFor(members.HR.userId);
    const [question] = await practiceQuestions(1);
    const text = `${unique("Practice")}: the worker listened, checked the client's safety and agreed the next step.`;
    const written = await sentThrice((idempotencyKey) => hr.training.createAnswer({ questionId: question!.id, text, idempotencyKey }));
    const notes = await submittedNotes({
      orgId: org.id,
      manager: callerFor(members.HIRING_MANAGER.userId),
      panelist: { userId: members.INTERVIEWER.userId, caller: callerFor(members.INTERVIEWER.userId) },
      candidate: { name: "Robin Ashdown" },
      note: "The candidate calmed a distressed caller and called the crisis team.",
    });
    const promotedText = `${unique("Promoted")}: the applicant calmed a distressed caller and called the crisis team.`;
    const promoted = await sentThrice((idempotencyKey) =>
      hr.training.promoteNotes({ scorecardId: notes.scorecardId, itemId: notes.itemId, text: promotedText, idempotencyKey }),
    );
    for (const [outcomes, saved] of [
      [written, text],
      [promoted, promotedText],
    ] as const) {
      const answers = outcomes.map((o) => (o.status === "fulfilled" ? o.value : o.reason));
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(await db().practiceAnswer.findMany({ where: { orgId: org.id, text: saved }, select: { id: true } })).toEqual([{ id: (answers[0] as { id: string }).id }]);
    }
  });

  it("registers one webhook endpoint, answering a repeat with the same endpoint and secret", async () => {
    const { org, members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    const url = `https://93.184.216.34/${unique("hooks")}`;
    const outcomes = await sentThrice((idempotencyKey) =>
      admin.webhooks.create({ url, events: ["candidate.created"], includeNotes: false, description: "ATS", idempotencyKey }),
    );
    const answers = outcomes.map((o) => (o.status === "fulfilled" ? o.value : o.reason));
    expect(answers[0]).toMatchObject({ url, secret: expect.stringMatching(/^whsec_/) });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await db().webhookEndpoint.count({ where: { orgId: org.id, url } })).toBe(1);
  });

  it("makes one equal-opportunities link and sends one email, leaving that link working", async () => {
    const { org, members } = await createOrganization(["ADMIN", "HR"]);
    await callerFor(members.ADMIN.userId).monitoring.updateSettings({ categories: ["age_band"], minCell: 5, reportForManagers: false });
    const hr = callerFor(members.HR.userId);
    const { vacancyId } = await vacancyFor(org.id);
    const email = `${unique("candidate")}@candidate.example`;
    const candidate = await createCandidateRecord(org.id, { name: unique("Monitored"), email, vacancyId });
    const outcomes = await sentThrice((idempotencyKey) => hr.monitoring.createInvite({ candidateId: candidate.id, idempotencyKey }));
    const made = outcomes.filter((o) => o.status === "fulfilled");
    expect(made).toHaveLength(1);
    expect(made[0]!.value.emailed).toBe(true);
    // Its link, like an invitation's, is shown once: a repeat says a link was made and how to get a new one.
    for (const refused of outcomes.filter((o) => o.status === "rejected")) {
      expect(refused.reason).toMatchObject({
        code: "CONFLICT",
        message: "A link was already made from this page and emailed to the candidate. It is shown only once: to see a link, create a new one (the earlier link then stops working).",
      });
    }
    expect(await db().monitoringInvite.findMany({ where: { candidateId: candidate.id }, select: { revokedAt: true } })).toEqual([{ revokedAt: null }]);
    expect(await queuedEmails(org.id, "monitoring-invite")).toBe(1);
    const token = made[0]!.value.link.split("/monitoring/")[1]!;
    expect((await callerFor(null).monitoring.form({ token })).status).toBe("valid");
  });
});
