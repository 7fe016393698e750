// What the jobs page calls each state and task.
export const STATE_LABELS = {
  queued: "Queued",
  scheduled: "Scheduled",
  running: "Running",
  retrying: "Waiting to retry",
  failed: "Failed",
} as const;

export const TASK_LABELS: Record<string, string> = {
  "send-email": "Email",
  "scoring-reminders": "Scoring reminders",
  "apply-retention": "Retention run",
};

