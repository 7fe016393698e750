// Every task the queue runs, and when the periodic ones run. Each task runs inside a log context naming
// its job, so its log lines carry the job id the way a request's carry the request id.
import type { Task, TaskList } from "graphile-worker";
import { logContext } from "@/server/log/logger";
import { JOB } from "./job-names";
import { driftRefreshersTask } from "./drift-refreshers-job";
import { applyRetentionTask } from "./retention-job";
import { scoringRemindersTask } from "./scoring-reminders-job";
import { sendEmailTask } from "./send-email-job";
import { deliverWebhookTask } from "./deliver-webhook-job";

const withJobContext = (task: Task): Task => (payload, helpers) => logContext.run({ jobId: helpers.job.id }, () => task(payload, helpers));

export const TASKS: TaskList = {
  [JOB.sendEmail]: withJobContext(sendEmailTask),
  [JOB.scoringReminders]: withJobContext(scoringRemindersTask),
  [JOB.applyRetention]: withJobContext(applyRetentionTask),
  [JOB.driftRefreshers]: withJobContext(driftRefreshersTask),
  [JOB.deliverWebhook]: withJobContext(deliverWebhookTask),
};

/**
 * graphile-worker's crontab: each slot runs once across all instances (it records the slot in its
 * known_crontabs table). Reminders every 15 minutes; retention hourly, catching up an hour missed while
 * no instance ran; drift refreshers daily at 06:23 UTC, catching up a day missed.
 */
export const CRONTAB = [
  `*/15 * * * * ${JOB.scoringReminders} ?max=1`,
  `7 * * * * ${JOB.applyRetention} ?fill=1h&max=1`,
  `23 6 * * * ${JOB.driftRefreshers} ?fill=1d&max=1`,
].join("\n");
