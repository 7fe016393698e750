// A new scoring link and code for a lay panelist: the old link stops working at once (its sessions end), and
// the new one binds to whichever device opens it first. The way back for a lost device or a locked link.
import type { ReissueLayLinkInput } from "@/lib/schemas/lay-panelists";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { findLaySeat, revokeLiveLinks } from "./_shared/find-lay-seat";
import { issueLayLink, linkExpiryFor } from "./_shared/issue-lay-link";

export async function reissueLayLink(db: Db, actor: Actor, input: ReissueLayLinkInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    const seat = await findLaySeat(tx, actor, input);
    const expiresAt = linkExpiryFor(seat.interview);
    const previous = await tx.layPanelistLink.findFirst({
      where: { interviewId: input.interviewId, userId: input.userId },
      orderBy: { createdAt: "desc" },
      select: { contactEmail: true },
    });
    await revokeLiveLinks(tx, input);
    const issued = await issueLayLink(tx, {
      orgId: actor.orgId,
      interviewId: input.interviewId,
      userId: input.userId,
      createdById: actor.userId,
      contactEmail: previous?.contactEmail ?? null,
      expiresAt,
      sendEmail: input.sendEmail,
    });
    await recordActorEvent(tx, actor, "lay_link.reissued", ["Interview", input.interviewId], { userId: input.userId, linkId: issued.linkId, emailed: issued.emailed });
    return { userId: seat.user.id, name: seat.user.name, link: issued.link, code: issued.code, expiresAt, emailed: issued.emailed };
  });
}
