// Invitation tokens: 32 random bytes shown once in the link; the database keeps only their SHA-256, so a
// leaked database row can't be turned back into a working link.
import { createHash, randomBytes } from "node:crypto";
import { serverEnv } from "@/env";

export const INVITATION_TTL_DAYS = 7;

/** When a link made now stops working. */
export function invitationExpiry(now = Date.now()): Date {
  return new Date(now + INVITATION_TTL_DAYS * 24 * 3_600_000);
}

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The absolute link to accept an invitation, on the app's public URL. */
export function invitationLink(token: string): string {
  const env = serverEnv();
  const base = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`;
  return `${base.replace(/\/+$/, "")}/invite/${token}`;
}
