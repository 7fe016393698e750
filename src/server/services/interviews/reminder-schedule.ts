// Runs the scoring reminders every 15 minutes in each app instance, when SMTP is configured.
import nodemailer from "nodemailer";
import { serverEnv } from "@/env";
import { db } from "@/server/db";
import { sendScoringReminders, type ScoringReminder } from "./send-scoring-reminders";

const EVERY_MS = 15 * 60_000;
let started = false;

export function startReminderSchedule() {
  const env = serverEnv();
  if (started || !env.SMTP_URL) return;
  started = true;
  const transport = nodemailer.createTransport(env.SMTP_URL);
  const baseUrl = env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const send = async (reminder: ScoringReminder) => {
    await transport.sendMail({
      from: env.SMTP_FROM ?? "Panelkit <no-reply@panelkit.invalid>",
      to: reminder.to,
      subject: `Please submit your scorecard for ${reminder.candidateName}`,
      text: [
        `Hello ${reminder.panelistName},`,
        "",
        `Your scorecard for the interview with ${reminder.candidateName} on ${reminder.scheduledAt.toUTCString()} is not submitted yet.`,
        "Ratings are most accurate soon after the interview, before the panel discusses it.",
        "",
        `Finish it here: ${reminder.link}`,
      ].join("\n"),
    });
    return true;
  };
  const run = () =>
    sendScoringReminders(db(), { baseUrl, send })
      .then((result) => {
        if (result.sent || result.failed) console.log(`[reminders] sent ${result.sent}, failed ${result.failed}`);
      })
      .catch((error: unknown) => console.error("[reminders] run failed:", (error as Error).message));
  setTimeout(run, 30_000).unref();
  setInterval(run, EVERY_MS).unref();
}
