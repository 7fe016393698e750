// The apply-retention task (hourly from the crontab, and once when an instance starts): candidates past
// their organisation's retention period, and the webhook delivery log past its keep period.
import type { Task } from "graphile-worker";
import { db } from "@/server/db";
import { logger } from "@/server/log/logger";
import { applyRetention } from "@/server/services/privacy/apply-retention";
import { pruneWebhookLog } from "@/server/services/webhooks/prune-webhook-log";

export const applyRetentionTask: Task = async () => {
  const { anonymised } = await applyRetention(db());
  if (anonymised) logger.info({ anonymised }, "retention: anonymised candidates past their organisation's retention period");
  const pruned = await pruneWebhookLog(db());
  if (pruned.events) logger.info({ events: pruned.events }, "retention: deleted webhook events whose deliveries ended before the log's keep period");
};
