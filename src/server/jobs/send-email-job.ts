// The send-email task: renders the notification from the database and sends it. A failure throws, so the
// queue retries with backoff; after the last attempt the job stays, failed with its reason, for admins.
import type { Task } from "graphile-worker";
import { serverEnv } from "@/env";
import { db } from "@/server/db";
import { notificationKey, notificationSchema, type Notification } from "@/server/email/notification";
import { renderNotification } from "@/server/email/render-notification";
import { emailEnabled, sendEmail } from "@/server/email/send-email";
import { logger } from "@/server/log/logger";
import { JOB, EMAIL_MAX_ATTEMPTS } from "./job-names";
import { enqueueJob } from "./enqueue-job";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

export function appBaseUrl(): string {
  const env = serverEnv();
  return env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`;
}

/**
 * Queues a notification email (in the caller's transaction when given one); false when email is not
 * configured. Queuing the same notification again before it is sent replaces it: one email, not two.
 */
export async function queueNotification(tx: Db | Prisma.TransactionClient, notification: Notification): Promise<boolean> {
  if (!emailEnabled()) return false;
  await enqueueJob(tx, JOB.sendEmail, notification, { jobKey: `email:${notificationKey(notification)}`, maxAttempts: EMAIL_MAX_ATTEMPTS });
  return true;
}

export const sendEmailTask: Task = async (payload) => {
  const parsed = notificationSchema.safeParse(payload);
  // A payload this code can't read will never succeed; retrying it would only delay the failure.
  if (!parsed.success) throw new Error(`Unreadable notification payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const notification = parsed.data;
  const email = await renderNotification(db(), notification, appBaseUrl());
  if (!email) {
    logger.info({ kind: notification.kind }, "notification no longer applies; not sent");
    return;
  }
  // A calendar email's Message-ID names the event's sequence: the next change is a new message, which a
  // receiving server (Gmail drops repeated Message-IDs) must not take for a resend of this one.
  const version = email.version === undefined ? "" : `:${email.version}`;
  await sendEmail(email, `${notificationKey(notification)}${version}`);
  logger.info({ kind: notification.kind }, "notification email sent");
};
