// The organisation and its members. Zod only.
import { z } from "./zod";
import { emailAddressSchema } from "./auth";
import { roleSchema } from "./common";

const orgWithRoleSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema });

/** Allow-list: the signed-in person's own name and email, and the organisations they belong to. */
export const viewerSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  organization: orgWithRoleSchema.nullable(),
  organizations: z.array(orgWithRoleSchema),
});

/** Allow-list: members' names and emails, nothing else of their accounts. */
export const memberSchema = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  since: z.date(),
});

export const inviteMemberInputSchema = z.object({ email: emailAddressSchema, role: roleSchema });
export type InviteMemberInput = z.output<typeof inviteMemberInputSchema>;

export const setMemberRoleInputSchema = z.object({ membershipId: z.string().min(1).max(64), role: roleSchema });
export type SetMemberRoleInput = z.output<typeof setMemberRoleInputSchema>;
