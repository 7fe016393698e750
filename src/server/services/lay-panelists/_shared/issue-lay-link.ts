// Makes a lay panelist's scoring link for one interview: a fresh token and code, stored hashed, ending when
// the interview's scoring window closes. Shared by adding a lay panelist and re-issuing their link.
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { appBaseUrl, queueNotification } from "@/server/jobs/send-email-job";
import { hashCode, newCode, newLinkToken, scoringWindowEnd } from "./lay-link-secrets";

/** The absolute link a lay panelist opens, on the app's public URL. */
export function layLinkUrl(token: string): string {
  return `${appBaseUrl().replace(/\/+$/, "")}/lay/${token}`;
}

/** When a link for the interview would end; CONFLICT once its scoring window has closed. */
export function linkExpiryFor(interview: { scheduledAt: Date; status: string }, now = new Date()): Date {
  if (interview.status === "CANCELLED") throw new AppError("CONFLICT", { key: "layPanelist.interviewCancelled" });
  const expiresAt = scoringWindowEnd(interview.scheduledAt);
  if (expiresAt <= now) throw new AppError("CONFLICT", { key: "layPanelist.windowClosed" });
  return expiresAt;
}

export async function issueLayLink(
  tx: Prisma.TransactionClient,
  args: { orgId: string; interviewId: string; userId: string; createdById: string; contactEmail: string | null; expiresAt: Date; sendEmail: boolean },
) {
  const { token, tokenHash } = newLinkToken();
  const code = newCode();
  const created = await tx.layPanelistLink.create({
    data: {
      orgId: args.orgId,
      interviewId: args.interviewId,
      userId: args.userId,
      tokenHash,
      codeHash: "",
      contactEmail: args.contactEmail,
      expiresAt: args.expiresAt,
      createdById: args.createdById,
    },
    select: { id: true },
  });
  // The code is salted with the link's id, known only once the row exists.
  await tx.layPanelistLink.update({ where: { id: created.id }, data: { codeHash: hashCode(created.id, code) } });
  // Only the link is emailed: the code stays with whoever issued it, to hand over in person.
  const emailed =
    args.sendEmail && args.contactEmail ? await queueNotification(tx, { kind: "lay-link", orgId: args.orgId, linkId: created.id, token }) : false;
  return { linkId: created.id, link: layLinkUrl(token), code, expiresAt: args.expiresAt, emailed };
}
