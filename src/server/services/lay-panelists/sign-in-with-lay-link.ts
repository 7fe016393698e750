// The lay-link sign-in (next-auth's "lay-link" credentials provider): the link's token and the device secret
// of the device it is bound to. Anything else is refused with words the person can act on.
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { findLinkByToken } from "./_shared/find-link-by-token";
import { hashDeviceSecret, sameHash } from "./_shared/lay-link-secrets";

export const LAY_LINK_REFUSALS = {
  UNKNOWN: "This scoring link does not work. Ask the person who invited you for a new one.",
  REVOKED: "This scoring link was withdrawn. Ask the person who invited you for a new one.",
  EXPIRED: "This scoring link has expired: the interview's scoring window has closed.",
  LOCKED: "This scoring link is locked after too many wrong codes. Ask the person who invited you for a new one.",
  OTHER_DEVICE: "This scoring link is already open on another device. Enter your code to use it here.",
} as const;

export async function signInWithLayLink(db: Db, input: { token: string; deviceSecret: string | null }) {
  const { link, refusal } = await findLinkByToken(db, input.token);
  if (refusal || !link) throw new AppError("UNAUTHORIZED", LAY_LINK_REFUSALS[refusal ?? "UNKNOWN"]);
  if (!input.deviceSecret || !sameHash(link.deviceHash, hashDeviceSecret(input.deviceSecret))) {
    throw new AppError("UNAUTHORIZED", LAY_LINK_REFUSALS.OTHER_DEVICE);
  }
  await db.layPanelistLink.update({ where: { id: link.id }, data: { lastUsedAt: new Date() } });
  return { id: link.userId, name: link.user.name, email: link.user.email };
}
