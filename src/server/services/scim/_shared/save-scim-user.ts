// Writing a checked User (POST, PUT, PATCH): the uniqueness rules within the organisation, the person's
// account behind it, then their access. Runs inside the request's one transaction.
import type { Prisma } from "@/generated/prisma/client";
import { ScimError } from "./scim-error";
import type { CheckedUser } from "./user-attributes";

export async function assertUserUnique(tx: Prisma.TransactionClient, orgId: string, user: CheckedUser, exceptId?: string) {
  const clash = await tx.scimUser.findFirst({
    where: {
      orgId,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [{ userName: { equals: user.userName, mode: "insensitive" } }, ...(user.externalId ? [{ externalId: user.externalId }] : [])],
    },
    select: { userName: true },
  });
  if (clash) {
    const what = clash.userName.toLowerCase() === user.userName.toLowerCase() ? `userName ${user.userName}` : `externalId ${user.externalId}`;
    throw new ScimError(409, `A User with ${what} is already provisioned in this organisation.`, "uniqueness");
  }
}

const emailTaken = (email: string) => new ScimError(409, `The email ${email} is already provisioned as another User in this organisation.`, "uniqueness");

/** The Panelkit account for a new SCIM User: the existing one with that email (they may be in other organisations too), or a new one without a password (they sign in with SSO). */
export async function accountForNewUser(tx: Prisma.TransactionClient, orgId: string, user: CheckedUser): Promise<string> {
  const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true, scimIdentities: { where: { orgId }, select: { id: true } } } });
  if (existing?.scimIdentities.length) throw emailTaken(user.email);
  if (existing) return existing.id;
  return (await tx.user.create({ data: { email: user.email, name: user.name }, select: { id: true } })).id;
}

/**
 * An edited User's email and name reach the account only when this organisation is the person's only one:
 * another organisation's members keep the identity they signed up with. An email another account holds is a 409.
 */
export async function updateAccount(tx: Prisma.TransactionClient, orgId: string, userId: string, user: CheckedUser) {
  const current = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  if (current.email === user.email && current.name === user.name) return;
  const elsewhere = await tx.membership.count({ where: { userId, orgId: { not: orgId } } });
  if (elsewhere > 0) return;
  if (current.email !== user.email && (await tx.user.findUnique({ where: { email: user.email }, select: { id: true } }))) {
    throw new ScimError(409, `The email ${user.email} belongs to another Panelkit account.`, "uniqueness");
  }
  await tx.user.update({ where: { id: userId }, data: { email: user.email, name: user.name } });
}
