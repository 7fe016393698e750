// Next.js calls register() once when a server instance starts: background work that belongs to the app.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startReminderSchedule } = await import("./server/services/interviews/reminder-schedule");
  startReminderSchedule();
}
