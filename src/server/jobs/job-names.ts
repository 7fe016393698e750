// The kinds of background work, by the task name stored with each job.
export const JOB = {
  sendEmail: "send-email",
  scoringReminders: "scoring-reminders",
  applyRetention: "apply-retention",
  driftRefreshers: "drift-refreshers",
  deliverWebhook: "deliver-webhook",
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** graphile-worker retries with exponential backoff (e^attempt seconds): 10 attempts span about 3.5 hours. */
export const EMAIL_MAX_ATTEMPTS = 10;
