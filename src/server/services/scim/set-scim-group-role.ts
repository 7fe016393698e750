import type { SetScimGroupRoleInput } from "@/lib/schemas/scim";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { ScimError } from "./_shared/scim-error";
import { syncAccess } from "./_shared/sync-access";

/** Maps a pushed group onto a role; its active members' roles follow at once (never leaving no admin). */
export async function setScimGroupRole(db: Db, actor: Actor, input: SetScimGroupRoleInput) {
  requirePermission(actor, "org:settings");
  try {
    return await db.$transaction(async (tx) => {
      const group = await tx.scimGroup.findFirst({ where: { id: input.groupId, orgId: actor.orgId }, select: { id: true, role: true, members: { select: { scimUserId: true } } } });
      if (!group) throw notFound("Group");
      await tx.scimGroup.update({ where: { id: group.id }, data: { role: input.role } });
      const members = group.members.map((m) => m.scimUserId);
      await syncAccess(tx, actor.orgId, members, group.role ? members : []);
      await recordActorEvent(tx, actor, "scim.group_role_set", ["ScimGroup", group.id], { from: group.role, to: input.role });
      return { groupId: group.id, role: input.role };
    });
  } catch (error) {
    if (error instanceof ScimError) throw new AppError("CONFLICT", error.message, "role");
    throw error;
  }
}
