// The apply-retention task (hourly from the crontab, and once when an instance starts).
import type { Task } from "graphile-worker";
import { db } from "@/server/db";
import { logger } from "@/server/log/logger";
import { applyRetention } from "@/server/services/privacy/apply-retention";

export const applyRetentionTask: Task = async () => {
  const { anonymised } = await applyRetention(db());
  if (anonymised) logger.info({ anonymised }, "retention: anonymised candidates past their organisation's retention period");
};
