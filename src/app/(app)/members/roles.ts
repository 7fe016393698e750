// The roles an admin can give, in the order the pickers show them.
import { optionsFrom } from "@/components/ui/field";
import type { Role } from "@/lib/schemas/common";
import { ROLE_LABELS } from "@/server/auth/permissions";

export const ROLES = optionsFrom(ROLE_LABELS);
export type RoleValue = Role;
export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;
