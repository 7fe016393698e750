// When an unsubmitted scorecard is overdue: My interviews flags it, and the reminders job emails about it.

/**
 * Hours after an interview's planned end before an unsubmitted scorecard is flagged overdue. Scores
 * written long after the interview lean on memory rather than notes, so the app nudges early.
 */
export const REMINDER_HOURS = 4;

/** When an unsubmitted scorecard of an interview becomes overdue. */
export function reminderDueAt(scheduledAt: Date, plannedMinutes: number): Date {
  return new Date(scheduledAt.getTime() + plannedMinutes * 60_000 + REMINDER_HOURS * 3_600_000);
}
