// Emails an invitation link when SMTP is configured; without it the inviter copies the link by hand.
import nodemailer from "nodemailer";
import { serverEnv } from "@/env";

export type InvitationEmail = { to: string; link: string; orgName: string; inviterName: string; scheduledAt: Date | null };

/** Sends the email; false when SMTP isn't configured or the server refused (the link is still shown). */
export async function sendInvitationEmail(email: InvitationEmail): Promise<boolean> {
  const env = serverEnv();
  if (!env.SMTP_URL) return false;
  const panel = email.scheduledAt
    ? ` and to sit on an interview panel on ${email.scheduledAt.toUTCString()}`
    : "";
  try {
    await nodemailer.createTransport(env.SMTP_URL).sendMail({
      from: env.SMTP_FROM ?? "Panelkit <no-reply@panelkit.invalid>",
      to: email.to,
      subject: `${email.inviterName} invited you to ${email.orgName} on Panelkit`,
      text: [
        `${email.inviterName} invited you to join ${email.orgName} on Panelkit${panel}.`,
        "",
        `Accept the invitation: ${email.link}`,
        "",
        "The link works once and expires in 7 days. If you did not expect this email, you can ignore it.",
      ].join("\n"),
    });
    return true;
  } catch (error) {
    console.error("[invitations] sending the invitation email failed:", (error as Error).message);
    return false;
  }
}
