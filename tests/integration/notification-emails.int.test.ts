// Notification emails end to end: a service queues the job in its transaction, a real worker renders and
// sends it through nodemailer to a real SMTP server in this process, and the test reads what arrived.
import type { Runner } from "graphile-worker";
import type { ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { JOB } from "@/server/jobs/job-names";
import { startJobRunner } from "@/server/jobs/start-job-runner";
import { TASKS } from "@/server/jobs/task-list";
import { callerFor, createOrganization, unique } from "./factories";
import { interviewSetup } from "./interview-factories";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";
import { startSmtpTestServer, type SmtpTestServer } from "./smtp-test-server";

let smtp: SmtpTestServer;
let runner: Runner | null = null;
const saved = { url: process.env.SMTP_URL, from: process.env.SMTP_FROM, timeout: process.env.SMTP_TIMEOUT_MS };

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "Panelkit <panelkit@test.example>";
  process.env.SMTP_TIMEOUT_MS = "1500";
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  smtp.script([], []);
});
afterAll(async () => {
  await smtp.close();
  for (const [key, value] of [["SMTP_URL", saved.url], ["SMTP_FROM", saved.from], ["SMTP_TIMEOUT_MS", saved.timeout]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function startWorker() {
  runner = await startJobRunner({
    taskList: { [JOB.sendEmail]: TASKS[JOB.sendEmail]!, [JOB.scoringReminders]: TASKS[JOB.scoringReminders]! },
    crontab: "",
    concurrency: 3,
    pollInterval: 200,
  });
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));
const mailTo = (address: string) => smtp.received.filter((m) => to(m).includes(address));

async function waitForMail(addresses: string[], count = 1, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (addresses.some((a) => mailTo(a).length < count)) {
    if (Date.now() > deadline) throw new Error(`No email for ${addresses.filter((a) => mailTo(a).length < count).join(", ")} in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const emailOf = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })).email;

describe("notification emails through a real SMTP server", () => {
  it("send an invitation from a job, in plain text and HTML, in the organisation's name, with the link", async () => {
    const { org, members } = await createOrganization(["ADMIN"]);
    const invitee = `${unique("invitee")}@test.example`;
    const created = await callerFor(members.ADMIN.userId).invitations.create({ email: invitee });
    expect(created.emailed).toBe(true);
    // Queued, not sent: no worker runs yet (as when every app instance is down).
    expect(mailTo(invitee)).toEqual([]);

    await startWorker();
    await waitForMail([invitee]);
    const [mail] = mailTo(invitee);
    expect(mail!.subject).toBe(`ADMIN person invited you to ${org.name} on Panelkit`);
    expect(mail!.from?.text).toBe('"Panelkit" <panelkit@test.example>');
    expect(mail!.text).toContain(`Accept the invitation: ${created.link}`);
    expect(mail!.html).toContain(`href="${created.link}"`);
    expect(mail!.html).toContain(org.name);
    expect(mail!.messageId).toBe(`<invitation:${created.id}@panelkit>`);
  });

  it("tell panelists they are on a panel, that it moved, and that it was cancelled, linking to the page", async () => {
    const setup = await interviewSetup();
    const panel = await Promise.all(setup.interviewers.slice(0, 2).map(emailOf));
    await setup.manager.interviews.update({ id: setup.interviewId, scheduledAt: new Date("2030-01-15T09:30:00Z"), location: "Room 7" });
    await startWorker();
    await waitForMail(panel, 2);
    for (const address of panel) {
      const added = mailTo(address).find((m) => m.subject?.startsWith("You are on the interview panel for Candidate-"));
      const changed = mailTo(address).find((m) => m.subject?.startsWith("Interview with Candidate-"));
      expect(changed!.subject).toMatch(/ changed: Tuesday, 15 January 2030 at 09:30 UTC$/);
      expect(changed!.text).toContain("Room 7");
      expect(changed!.html).toContain("Room 7");
      for (const mail of [added!, changed!]) expect(mail.text).toContain(`/interviews/${setup.interviewId}`);
    }
    await setup.manager.interviews.update({ id: setup.interviewId, status: "CANCELLED" });
    await waitForMail(panel, 3);
    const cancelled = mailTo(panel[0]!).find((m) => m.subject?.endsWith(" cancelled"));
    expect(cancelled?.text).toContain("/my-interviews");
    // The hiring manager who made the changes is not emailed about them.
    expect(mailTo(await emailOf(setup.members.HIRING_MANAGER.userId))).toEqual([]);
  });

  it("remind panelists once about an overdue scorecard, linking to the scoring page", async () => {
    const panel = await createPanelInterview();
    await db().interview.update({ where: { id: panel.interviewId }, data: { scheduledAt: new Date(Date.now() - 6 * 3_600_000) } });
    const [submitted, ...pending] = panel.panelists;
    await rateAndSubmit(callerFor(submitted.userId), panel.interviewId);
    const pendingEmails = await Promise.all(pending.map((p) => emailOf(p.userId)));
    await startWorker();
    await enqueueJob(db(), JOB.scoringReminders, {});
    await waitForMail(pendingEmails);
    await enqueueJob(db(), JOB.scoringReminders, {});
    await new Promise((r) => setTimeout(r, 1_500));
    for (const address of pendingEmails) {
      expect(mailTo(address)).toHaveLength(1);
      expect(mailTo(address)[0]!.text).toContain(`/interviews/${panel.interviewId}/score`);
    }
    expect(mailTo(await emailOf(submitted.userId))).toEqual([]);
  });

  it("retry after a refusal (5xx), a timeout and a dropped connection: each email arrives, exactly once", async () => {
    // Someone else's email, queued first, as earlier test files in this fork's database leave theirs.
    const other = await createOrganization(["ADMIN"]);
    await callerFor(other.members.ADMIN.userId).invitations.create({ email: `${unique("bystander")}@test.example` });
    const { members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    const invitees = [unique("a"), unique("b"), unique("c")].map((n) => `${n}@test.example`);
    smtp.script(["refuse", "hang", "drop"], invitees);
    for (const email of invitees) await admin.invitations.create({ email });
    await startWorker();
    await waitForMail(invitees, 1, 25_000);
    await new Promise((r) => setTimeout(r, 1_000)); // time for a second copy to show up, if one were coming
    for (const email of invitees) expect(mailTo(email)).toHaveLength(1);
    const ours = smtp.attempts.filter((a) => a.to.some((address) => invitees.includes(address)));
    expect(ours.map((a) => a.behaviour).sort()).toEqual(["accept", "accept", "accept", "drop", "hang", "refuse"]);
    const left = await admin.jobs.list();
    expect(left.jobs.filter((j) => j.task === JOB.sendEmail)).toEqual([]);
  });

  it("keep an email the server always refuses, failed with the reason (no address in it) for admins", async () => {
    const { members } = await createOrganization(["ADMIN"]);
    const admin = callerFor(members.ADMIN.userId);
    const invitee = `${unique("refused")}@test.example`;
    const { id } = await admin.invitations.create({ email: invitee });
    // Two attempts instead of ten, so the test sees the end of the backoff.
    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET max_attempts = 2 WHERE key = ${`email:invitation:${id}`}`;
    smtp.script(["refuse", "refuse"], [invitee]);
    await startWorker();
    const deadline = Date.now() + 20_000;
    let job: Awaited<ReturnType<typeof admin.jobs.list>>["jobs"][number] | undefined;
    while (job?.state !== "failed") {
      if (Date.now() > deadline) throw new Error(`job not failed in time: ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 200));
      job = (await admin.jobs.list()).jobs.find((j) => j.kind === "invitation");
    }
    expect(job).toMatchObject({ task: JOB.sendEmail, state: "failed", attempts: 2, maxAttempts: 2 });
    expect(job.lastError).toMatch(/^SMTP 550: .*mailbox unavailable for <\[email\]>/);
    expect(job.lastError).not.toContain(invitee);
    expect(mailTo(invitee)).toEqual([]);
  });
});
