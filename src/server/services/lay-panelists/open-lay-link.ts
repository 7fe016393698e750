// Opening a scoring link on a device, before signing in with it. The first device to open a link is bound to
// it (a random device secret, kept in an httpOnly cookie; its hash on the link). Another device is refused and
// asked for the link's code: the right code moves the link to that device (the first device's session ends),
// so a link forwarded or opened by someone else first is won back by whoever was handed the code in person.
// Wrong codes are counted: from the third on, each makes the next try wait; the fifth locks the link for good
// (the hiring manager re-issues it). A revoked, expired, locked or unknown link changes nothing.
import type { Db } from "@/server/db";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { findLinkByToken, type LinkRefusal } from "./_shared/find-link-by-token";
import { hashCode, hashDeviceSecret, MAX_CODE_ATTEMPTS, newDeviceSecret, sameHash } from "./_shared/lay-link-secrets";

/** Wrong codes allowed before each further try must wait CODE_RETRY_WAIT_MS. */
export const FREE_CODE_ATTEMPTS = 2;
export const CODE_RETRY_WAIT_MS = 30_000;

export type OpenLayLinkResult =
  | { ok: true; interviewId: string; /** Set as the device cookie when the link was bound to this device now. */ deviceSecret: string | null }
  | { ok: false; reason: LinkRefusal | "OTHER_DEVICE" | "WRONG_CODE" | "WAIT"; attemptsLeft?: number };

export async function openLayLink(db: Db, input: { token: string; code?: string; deviceSecret?: string | null }, now = new Date()): Promise<OpenLayLinkResult> {
  const { link, refusal } = await findLinkByToken(db, input.token, now);
  if (refusal || !link) return { ok: false, reason: refusal ?? "UNKNOWN" };
  const audit = (action: "lay_link.device_bound" | "lay_link.locked", data: Record<string, string | number>) =>
    recordAuditEvent(db, { orgId: link.orgId, actorId: link.userId, action, entityType: "LayPanelistLink", entityId: link.id, data });

  if (!input.code) {
    if (input.deviceSecret && sameHash(link.deviceHash, hashDeviceSecret(input.deviceSecret))) {
      return { ok: true, interviewId: link.interviewId, deviceSecret: null };
    }
    if (link.deviceHash) return { ok: false, reason: "OTHER_DEVICE" };
    const device = newDeviceSecret();
    // Only while still unbound: of two devices opening a fresh link at once, one wins.
    const { count } = await db.layPanelistLink.updateMany({ where: { id: link.id, deviceHash: null }, data: { deviceHash: device.deviceHash, lastUsedAt: now } });
    if (count === 0) return { ok: false, reason: "OTHER_DEVICE" };
    await audit("lay_link.device_bound", { interviewId: link.interviewId, how: "first-open" });
    return { ok: true, interviewId: link.interviewId, deviceSecret: device.secret };
  }

  if (link.lockedUntil && link.lockedUntil > now) return { ok: false, reason: "WAIT" };
  if (!sameHash(link.codeHash, hashCode(link.id, input.code))) {
    const attempts = link.failedAttempts + 1;
    const locked = attempts >= MAX_CODE_ATTEMPTS;
    // Locked for good means until the link would expire anyway: only a re-issued link works after that.
    const lockedUntil = locked ? link.expiresAt : attempts > FREE_CODE_ATTEMPTS ? new Date(now.getTime() + CODE_RETRY_WAIT_MS) : null;
    await db.layPanelistLink.update({ where: { id: link.id }, data: { failedAttempts: { increment: 1 }, lockedUntil } });
    if (locked) {
      await audit("lay_link.locked", { interviewId: link.interviewId, attempts });
      return { ok: false, reason: "LOCKED" };
    }
    return { ok: false, reason: "WRONG_CODE", attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
  }
  const device = newDeviceSecret();
  await db.$transaction([
    db.layPanelistLink.update({ where: { id: link.id }, data: { deviceHash: device.deviceHash, failedAttempts: 0, lockedUntil: null, lastUsedAt: now } }),
    // The device the link was bound to before signs out: one device at a time.
    db.user.update({ where: { id: link.userId }, data: { sessionVersion: { increment: 1 } } }),
  ]);
  await audit("lay_link.device_bound", { interviewId: link.interviewId, how: "code" });
  return { ok: true, interviewId: link.interviewId, deviceSecret: device.secret };
}
