// SCIM provisioning settings (admins): the organisation's SCIM bearer tokens (shown once when made, only a
// hash kept) and the mapping of the groups the identity provider pushes onto Panelkit roles.
import { z } from "./zod";
import { idSchema, roleSchema } from "./common";

/** A token as listed: its public prefix identifies it; the secret is never shown again. */
export const scimTokenSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ScimTokenListed = z.output<typeof scimTokenSchema>;
export const createdScimTokenSchema = scimTokenSchema.extend({ token: z.string() });
export type CreatedScimToken = z.output<typeof createdScimTokenSchema>;

export const scimGroupSchema = z.object({ id: z.string(), displayName: z.string(), role: roleSchema.nullable(), members: z.number().int() });
export type ScimGroupListed = z.output<typeof scimGroupSchema>;

export const scimSettingsSchema = z.object({
  baseUrl: z.string(),
  tokens: z.array(scimTokenSchema),
  groups: z.array(scimGroupSchema),
  provisionedUsers: z.number().int(),
});
export type ScimSettings = z.output<typeof scimSettingsSchema>;

export const scimTokenIdInput = z.object({ id: idSchema });
export type ScimTokenIdInput = z.output<typeof scimTokenIdInput>;

/** A group's members get `role` (the most privileged among their groups); null: the group grants none. */
export const setScimGroupRoleInput = z.object({ groupId: idSchema, role: roleSchema.nullable() });
export type SetScimGroupRoleInput = z.output<typeof setScimGroupRoleInput>;
