// A scoring link by the token in its URL, with why it can't be used (if so): revoked, expired or locked for
// good after too many wrong codes (a short wait between code tries is open-lay-link.ts's own business: the
// device the link is bound to keeps working meanwhile).
import type { DbOrTx } from "@/server/db";
import { hashLinkToken, MAX_CODE_ATTEMPTS } from "./lay-link-secrets";

export type LinkRefusal = "UNKNOWN" | "REVOKED" | "EXPIRED" | "LOCKED";

export async function findLinkByToken(db: DbOrTx, token: string, now = new Date()) {
  const link = await db.layPanelistLink.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: {
      id: true,
      orgId: true,
      userId: true,
      interviewId: true,
      codeHash: true,
      deviceHash: true,
      expiresAt: true,
      revokedAt: true,
      lockedUntil: true,
      failedAttempts: true,
      user: { select: { name: true, email: true, layOrgId: true } },
    },
  });
  const refusal: LinkRefusal | null = !link || !link.user.layOrgId
    ? "UNKNOWN"
    : link.revokedAt
      ? "REVOKED"
      : link.expiresAt <= now
        ? "EXPIRED"
        : link.failedAttempts >= MAX_CODE_ATTEMPTS
          ? "LOCKED"
          : null;
  return { link, refusal };
}
