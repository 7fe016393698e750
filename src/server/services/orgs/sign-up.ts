import { AppError } from "@/server/errors";
import type { Db } from "@/server/db";
import { hashPassword } from "@/server/auth/passwords";
import { assertAcceptablePassword } from "@/server/services/auth/password-policy";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { normalizeEmail, slugForOrganization } from "./normalize";

export type SignUpInput = { name: string; email: string; password: string; organizationName: string };

/** Creates a user and a new organisation with that user as its admin. */
export async function signUp(db: Db, input: SignUpInput) {
  const email = normalizeEmail(input.email);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
  }
  await assertAcceptablePassword(input.password, { email, name: input.name, organizationName: input.organizationName }, "password");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: input.name.trim(), passwordHash } });
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
    return { userId: user.id, orgId: org.id };
  });
}
