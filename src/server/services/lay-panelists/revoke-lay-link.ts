// Revokes a lay panelist's scoring link: it opens nothing from now on, and any session it opened ends. What
// they already saved or submitted stays; re-issuing gives them a new link.
import type { LayPanelistRefInput } from "@/lib/schemas/lay-panelists";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { findLaySeat, revokeLiveLinks } from "./_shared/find-lay-seat";

export async function revokeLayLink(db: Db, actor: Actor, input: LayPanelistRefInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    await findLaySeat(tx, actor, input);
    const revoked = await revokeLiveLinks(tx, input);
    if (revoked) await recordActorEvent(tx, actor, "lay_link.revoked", ["Interview", input.interviewId], { userId: input.userId });
    return { userId: input.userId, revoked };
  });
}
