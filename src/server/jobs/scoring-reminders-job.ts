// The scoring-reminders task (every 15 minutes from the crontab): claims each overdue scorecard's reminder
// and queues its email in one transaction, so a reminder is queued once however many instances run.
import type { Task } from "graphile-worker";
import { db } from "@/server/db";
import { emailEnabled } from "@/server/email/send-email";
import { logger } from "@/server/log/logger";
import { queueInterviewReminders } from "./queue-interview-reminders";
import { queueScoringReminders } from "./queue-scoring-reminders";
import { queueNotification } from "./send-email-job";

export const scoringRemindersTask: Task = async () => {
  if (!emailEnabled()) return;
  const { queued } = await queueScoringReminders(db(), (tx, seat) => queueNotification(tx, { kind: "scorecard-overdue", ...seat }));
  if (queued) logger.info({ queued }, "scoring reminders queued");
  // The reminders before an interview and the escalations of overdue scorecards ride the same 15-minute tick.
  const around = await queueInterviewReminders(db(), (tx, notification) => queueNotification(tx, notification));
  if (around.dayBefore + around.hourBefore + around.escalated) logger.info(around, "interview reminders queued");
};
