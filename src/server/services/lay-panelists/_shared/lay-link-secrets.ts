// The secrets of a lay panelist's scoring link: the link's token (32 random bytes), a short code the person
// can type, and the device secret kept in a cookie on the first device that opens the link. The database
// keeps only SHA-256 hashes of each, so a leaked row can't be turned back into a working link.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { isPlaceholderEmail, PLACEHOLDER_EMAIL_DOMAIN } from "@/lib/lay-placeholder-email";

/** How long after the interview's scheduled time its scoring window stays open (and the link works). */
export const SCORING_WINDOW_DAYS = 7;
/** Unambiguous characters only: no 0/O, 1/I/L, 5/S, 2/Z, 8/B, so a code read aloud or off paper is typed right. */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const CODE_LENGTH = 8;
/** Wrong codes after which a link is locked for good (until the hiring manager re-issues it). */
export const MAX_CODE_ATTEMPTS = 5;
/** The httpOnly cookie holding the device secret of the device a link is bound to. */
export const LAY_DEVICE_COOKIE = "panelkit-lay-device";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** When the scoring window of an interview scheduled at `scheduledAt` closes. */
export function scoringWindowEnd(scheduledAt: Date): Date {
  return new Date(scheduledAt.getTime() + SCORING_WINDOW_DAYS * 24 * 3_600_000);
}

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export const hashLinkToken = (token: string) => sha256(`lay-link:${token}`);

export function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** Codes are compared as typed without spaces or dashes, in capitals; salted with the link's id. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

export const hashCode = (linkId: string, code: string) => sha256(`lay-code:${linkId}:${normaliseCode(code)}`);

export function newDeviceSecret(): { secret: string; deviceHash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, deviceHash: hashDeviceSecret(secret) };
}

export const hashDeviceSecret = (secret: string) => sha256(`lay-device:${secret}`);

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string | null | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The placeholder address of a lay panelist given no email (User.email is required and unique). */
export function placeholderEmail(): string {
  return `lay-${randomBytes(9).toString("base64url").toLowerCase()}@${PLACEHOLDER_EMAIL_DOMAIN}`;
}

export { isPlaceholderEmail };
