// A Group as sent (POST, PUT, or the result of a PATCH), checked, and written with its members; the roles
// of everyone who joined or left (or all members, when asked) are recomputed in the same transaction.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ScimError } from "./scim-error";
import { scimGroupSelect, toGroupResource, type GroupResource } from "./scim-resources";
import { syncAccess } from "./sync-access";

const coreGroup = z.object({
  displayName: z.string().trim().min(1, "displayName is required").max(256),
  externalId: z.string().trim().max(320).nullish(),
  members: z.array(z.object({ value: z.string().min(1, "members[].value is required").max(64) })).nullish(),
});

export type CheckedGroup = { displayName: string; externalId: string | null; memberIds: string[] };

export function checkGroup(body: unknown): CheckedGroup {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, "A Group must be a JSON object.", "invalidSyntax");
  const parsed = coreGroup.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScimError(400, `${issue.path.join(".") || "Group"}: ${issue.message}`, "invalidValue");
  }
  const { displayName, externalId, members } = parsed.data;
  return { displayName, externalId: externalId ?? null, memberIds: [...new Set((members ?? []).map((m) => m.value))] };
}

/** Writes the group's attributes and exactly `memberIds` as its members; `groupId` null creates it. */
export async function writeScimGroup(
  tx: Prisma.TransactionClient,
  orgId: string,
  groupId: string | null,
  group: CheckedGroup,
): Promise<GroupResource> {
  const clash = await tx.scimGroup.findFirst({
    where: {
      orgId,
      ...(groupId ? { id: { not: groupId } } : {}),
      OR: [{ displayName: { equals: group.displayName, mode: "insensitive" } }, ...(group.externalId ? [{ externalId: group.externalId }] : [])],
    },
    select: { id: true },
  });
  if (clash) throw new ScimError(409, `A Group named ${group.displayName} (or with that externalId) already exists.`, "uniqueness");
  const known = await tx.scimUser.findMany({ where: { orgId, id: { in: group.memberIds } }, select: { id: true } });
  if (known.length !== group.memberIds.length) {
    const missing = group.memberIds.find((id) => !known.some((k) => k.id === id));
    throw new ScimError(400, `members: no User ${missing} in this organisation.`, "invalidValue");
  }
  const data = { displayName: group.displayName, externalId: group.externalId };
  const id = groupId
    ? (await tx.scimGroup.update({ where: { id: groupId }, data, select: { id: true } })).id
    : (await tx.scimGroup.create({ data: { ...data, orgId }, select: { id: true } })).id;
  const before = (await tx.scimGroupMember.findMany({ where: { groupId: id }, select: { scimUserId: true } })).map((m) => m.scimUserId);
  const removed = before.filter((m) => !group.memberIds.includes(m));
  const added = group.memberIds.filter((m) => !before.includes(m));
  await tx.scimGroupMember.deleteMany({ where: { groupId: id, scimUserId: { in: removed } } });
  await tx.scimGroupMember.createMany({ data: added.map((scimUserId) => ({ groupId: id, scimUserId })) });
  const role = groupId ? (await tx.scimGroup.findUniqueOrThrow({ where: { id }, select: { role: true } })).role : null;
  await syncAccess(tx, orgId, [...removed, ...added], role ? removed : []);
  return toGroupResource(await tx.scimGroup.findUniqueOrThrow({ where: { id }, select: scimGroupSelect }));
}

/** The group (scoped to the organisation) locked for the rest of the transaction, so membership edits queue. */
export async function lockedScimGroup(tx: Prisma.TransactionClient, orgId: string, id: string) {
  await tx.$queryRaw`SELECT id FROM "ScimGroup" WHERE id = ${id} AND "orgId" = ${orgId} FOR UPDATE`;
  const row = await tx.scimGroup.findFirst({ where: { id, orgId }, select: { ...scimGroupSelect, role: true } });
  if (!row) throw new ScimError(404, `Group ${id} not found.`);
  return row;
}
