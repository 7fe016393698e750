import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/passwords";
import { assertAcceptablePassword } from "@/server/services/auth/_shared/password-policy";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { normalizeEmail, slugForOrganization } from "./_shared/normalize";
import { sendSignUpNotice } from "./send-sign-up-notice";
import { INVITED_ONLY, publicSignUpOpen } from "./_shared/public-sign-up";
import { countSignUp } from "./_shared/sign-up-limit";
import type { SignUpInput } from "@/lib/schemas/auth";

const ROLLED_BACK = new Error("sign-up rehearsal rolled back");

/** Sign-up's one answer, the same whether the email was new or already had an account. */
const SIGN_UP_RECEIVED = { received: true } as const;

/**
 * Creates a user and a new organisation with that user as its admin. For an email that already has an
 * account nothing is created, and the answer (and the work before it, the password hash) is the same as
 * for a new one; the account holder is emailed when SMTP is configured. The caller signs in next: that
 * works with the password just chosen only when the account is new.
 */
export async function signUp(db: Db, input: SignUpInput, clientAddress: string) {
  if (!publicSignUpOpen()) throw new AppError("FORBIDDEN", INVITED_ONLY);
  const email = normalizeEmail(input.email);
  await assertAcceptablePassword(input.password, { email, name: input.name, organizationName: input.organizationName }, "password");
  await countSignUp(db, clientAddress);
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  try {
    await db.$transaction(async (tx) => {
      // For a registered email the same writes run under a placeholder address and are rolled back, so the
      // answer takes as long as a real sign-up's (measured: within the noise, see README).
      const userEmail = existing ? `${randomUUID()}@sign-up-rehearsal.invalid` : email;
      const user = await tx.user.create({ data: { email: userEmail, name: input.name.trim(), passwordHash } });
      const org = await tx.organization.create({
        data: { name: input.organizationName.trim(), slug: slugForOrganization(input.organizationName) },
      });
      await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "ADMIN" } });
      await recordAuditEvent(tx, {
        orgId: org.id,
        actorId: user.id,
        action: "organization.created",
        entityType: "Organization",
        entityId: org.id,
        data: { name: org.name },
      });
      if (existing) throw ROLLED_BACK;
    });
  } catch (error) {
    // A registered email, or the same email signed up concurrently (the other request created the account).
    const taken = error === ROLLED_BACK || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");
    if (!taken) throw error;
    sendSignUpNotice(email);
  }
  return SIGN_UP_RECEIVED;
}
