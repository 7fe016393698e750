// The SCIM representations Panelkit answers with, built from its rows (and the fields it selects for them).
import { Prisma } from "@/generated/prisma/client";
import { scimBaseUrl } from "./scim-base-url";
import { USER_SCHEMA } from "./user-attributes";

export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export const scimUserSelect = {
  id: true,
  externalId: true,
  userName: true,
  active: true,
  attributes: true,
  createdAt: true,
  updatedAt: true,
  groups: { select: { group: { select: { id: true, displayName: true } } }, orderBy: { groupId: "asc" } },
} as const satisfies Prisma.ScimUserSelect;
export type ScimUserRow = Prisma.ScimUserGetPayload<{ select: typeof scimUserSelect }>;

export const scimGroupSelect = {
  id: true,
  externalId: true,
  displayName: true,
  createdAt: true,
  updatedAt: true,
  members: { select: { scimUser: { select: { id: true, userName: true } } }, orderBy: { scimUserId: "asc" } },
} as const satisfies Prisma.ScimGroupSelect;
export type ScimGroupRow = Prisma.ScimGroupGetPayload<{ select: typeof scimGroupSelect }>;

const meta = (resourceType: "User" | "Group", row: { id: string; createdAt: Date; updatedAt: Date }) => ({
  resourceType,
  created: row.createdAt.toISOString(),
  lastModified: row.updatedAt.toISOString(),
  location: `${scimBaseUrl()}/${resourceType}s/${row.id}`,
  version: `W/"${row.updatedAt.getTime()}"`,
});

export function toUserResource(row: ScimUserRow) {
  const attributes = (row.attributes ?? {}) as Record<string, unknown>;
  const extensions = Object.keys(attributes).filter((key) => key.startsWith("urn:"));
  return {
    schemas: [USER_SCHEMA, ...extensions],
    id: row.id,
    ...(row.externalId === null ? {} : { externalId: row.externalId }),
    userName: row.userName,
    ...attributes,
    active: row.active,
    groups: row.groups.map(({ group }) => ({ value: group.id, display: group.displayName, $ref: `${scimBaseUrl()}/Groups/${group.id}` })),
    meta: meta("User", row),
  };
}
export type UserResource = ReturnType<typeof toUserResource>;

export function toGroupResource(row: ScimGroupRow, withMembers = true) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.externalId === null ? {} : { externalId: row.externalId }),
    displayName: row.displayName,
    ...(withMembers
      ? { members: row.members.map(({ scimUser }) => ({ value: scimUser.id, display: scimUser.userName, $ref: `${scimBaseUrl()}/Users/${scimUser.id}` })) }
      : {}),
    meta: meta("Group", row),
  };
}
export type GroupResource = ReturnType<typeof toGroupResource>;

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}
