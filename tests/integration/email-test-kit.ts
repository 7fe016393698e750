// What an email test needs around the SMTP test server: the app's SMTP settings pointed at it for the file
// (and put back after), a job worker that sends emails and runs the reminders, and the inbox read by
// recipient. One setup call per test file, inside its top-level scope.
import type { Runner } from "graphile-worker";
import type { ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll } from "vitest";
import { JOB } from "@/server/jobs/job-names";
import { startJobRunner } from "@/server/jobs/start-job-runner";
import { TASKS } from "@/server/jobs/task-list";
import { startSmtpTestServer, type SmtpTestServer } from "./smtp-test-server";

const recipients = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address));

export function setUpEmailTestKit(env: Record<string, string> = {}) {
  let smtp: SmtpTestServer | null = null;
  let runner: Runner | null = null;
  const settings = { SMTP_FROM: "Panelkit <panelkit@test.example>", ...env };
  const saved = new Map<string, string | undefined>();

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    for (const [key, value] of Object.entries({ ...settings, SMTP_URL: smtp.url })) {
      saved.set(key, process.env[key]);
      process.env[key] = value;
    }
  });
  afterEach(async () => {
    await runner?.stop();
    runner = null;
  });
  afterAll(async () => {
    await smtp?.close();
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const mailTo = (address: string) => (smtp?.received ?? []).filter((m) => recipients(m).includes(address));

  return {
    mailTo,
    async startWorker() {
      runner = await startJobRunner({
        taskList: { [JOB.sendEmail]: TASKS[JOB.sendEmail]!, [JOB.scoringReminders]: TASKS[JOB.scoringReminders]! },
        crontab: "",
        concurrency: 3,
        pollInterval: 100,
      });
    },
    /** Waits until each address has `count` emails. */
    async waitForMail(addresses: string[], count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (addresses.some((a) => mailTo(a).length < count)) {
        if (Date.now() > deadline) throw new Error(`No email for ${addresses.filter((a) => mailTo(a).length < count).join(", ")} in time`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
