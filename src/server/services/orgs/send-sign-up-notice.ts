// Tells the holder of an existing account that someone tried to sign up with their email: sign-up itself
// answers as it does for a new email, so that it can't be used to find out who has an account.
import nodemailer from "nodemailer";
import { serverEnv } from "@/env";

/** Sends in the background (SMTP's latency must not show in sign-up's answer); nothing without SMTP. */
export function sendSignUpNotice(to: string): void {
  const env = serverEnv();
  if (!env.SMTP_URL) return;
  const base = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`;
  void nodemailer
    .createTransport(env.SMTP_URL)
    .sendMail({
      from: env.SMTP_FROM ?? "Panelkit <no-reply@panelkit.invalid>",
      to,
      subject: "Someone tried to create a Panelkit account with your email",
      text: [
        "Someone tried to create a new Panelkit organisation with this email address, which already has an account.",
        "No new account was created and your account is unchanged.",
        "",
        `If it was you, sign in instead: ${base}/signin`,
        "If it wasn't, you can ignore this email.",
      ].join("\n"),
    })
    .catch((error: unknown) => console.error("[sign-up] sending the notice failed:", (error as Error).message));
}
