// Hands a rendered email to the SMTP server in SMTP_URL. Throws on any failure (refused, timed out,
// connection dropped) so the job queue retries it; the error names what went wrong, never the recipient.
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { serverEnv } from "@/env";
import { withoutEmails } from "@/server/log/logger";
import type { OutgoingEmail } from "./render-notification";

export const DEFAULT_FROM = "Panelkit <no-reply@panelkit.invalid>";

/** Whether outbound email is configured; without it invitation links are copied by hand. */
export function emailEnabled(): boolean {
  return Boolean(serverEnv().SMTP_URL);
}

/**
 * SMTP_URL as nodemailer's options. nodemailer reads a URL itself only on its own: given one with other
 * options, it drops the others (here, the timeouts). Query parameters pass through as options, as
 * nodemailer's own URL reading does (`?ignoreTLS=true`, `?name=panelkit.example`).
 */
export function smtpOptionsFrom(url: string): SMTPTransport.Options {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const options: Record<string, unknown> = {
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
  };
  for (const [key, value] of parsed.searchParams) {
    options[key] = value === "true" ? true : value === "false" ? false : /^\d+$/.test(value) ? Number(value) : value;
  }
  return options as SMTPTransport.Options;
}

export async function sendEmail(email: OutgoingEmail, messageKey: string): Promise<void> {
  const env = serverEnv();
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set: the email cannot be sent.");
  const timeout = Number(env.SMTP_TIMEOUT_MS);
  const transport = nodemailer.createTransport({ ...smtpOptionsFrom(env.SMTP_URL), connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  try {
    await transport.sendMail({
      from: env.SMTP_FROM ?? DEFAULT_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      // Calendar clients offer "accept" for the text/calendar alternative (its method in the content type);
      // invite.ics is the same event for clients that only show attachments, as Google Calendar sends it.
      ...(email.calendar
        ? {
            icalEvent: { method: email.calendar.method, content: email.calendar.ics, filename: "invite.ics" },
            attachments: [{ filename: "invite.ics", content: email.calendar.ics, contentType: "application/ics" }],
          }
        : {}),
      // The same Message-ID on every attempt of one notification: a resend after a lost reply is recognisable.
      messageId: `<${messageKey.replace(/[^A-Za-z0-9.:_-]/g, "_")}@panelkit>`,
    });
  } catch (error) {
    const code = (error as { responseCode?: number; code?: string }).responseCode ?? (error as { code?: string }).code;
    throw new Error(`SMTP ${code ?? "error"}: ${withoutEmails((error as Error).message)}`);
  } finally {
    transport.close();
  }
}
