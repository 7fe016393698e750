// Adds a service user or external assessor to an interview's panel without an account: a User that belongs to
// the organisation only through `layOrgId` (no membership), seated in the chosen strand, with a personal
// scoring link and code shown once to whoever added them.
import { PANEL_MAX } from "@/lib/schemas/interviews";
import type { AddLayPanelistInput } from "@/lib/schemas/lay-panelists";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { syncInterviewCompletion } from "@/server/services/interviews/_shared/sync-interview-completion";
import { issueLayLink, linkExpiryFor } from "./_shared/issue-lay-link";
import { placeholderEmail } from "./_shared/lay-link-secrets";

export async function addLayPanelist(db: Db, actor: Actor, input: AddLayPanelistInput) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Interview" WHERE id = ${input.interviewId} AND "orgId" = ${actor.orgId} FOR UPDATE`;
    const interview = await tx.interview.findFirst({
      where: { id: input.interviewId, orgId: actor.orgId },
      select: { id: true, scheduledAt: true, status: true, candidate: { select: { anonymizedAt: true } } },
    });
    if (!interview || interview.candidate.anonymizedAt) throw notFound("Interview");
    // This interview's panel counted through its key, not with a relation _count (see countsBy).
    const panelSize = await tx.panelMember.count({ where: { interviewId: interview.id } });
    if (panelSize >= PANEL_MAX) throw new AppError("CONFLICT", { key: "layPanelist.panelFull", values: { max: String(PANEL_MAX) } }, "name");
    const expiresAt = linkExpiryFor(interview);
    const contactEmail = input.email ? input.email.toLowerCase() : null;
    // The address given is kept on the link only: the account-less user's own email is a placeholder, so the
    // same person on two panels (or a member's address) never collides with User.email's uniqueness.
    const user = await tx.user.create({ data: { name: input.name, email: placeholderEmail(), layOrgId: actor.orgId }, select: { id: true, name: true } });
    await tx.panelMember.create({ data: { interviewId: interview.id, userId: user.id, strand: input.strand } });
    const issued = await issueLayLink(tx, {
      orgId: actor.orgId,
      interviewId: interview.id,
      userId: user.id,
      createdById: actor.userId,
      contactEmail,
      expiresAt,
      sendEmail: input.sendEmail,
    });
    await syncInterviewCompletion(tx, interview.id);
    await recordActorEvent(tx, actor, "lay_panelist.added", ["Interview", interview.id], {
      userId: user.id,
      strand: input.strand,
      linkId: issued.linkId,
      emailed: issued.emailed,
    });
    return { userId: user.id, name: user.name, link: issued.link, code: issued.code, expiresAt, emailed: issued.emailed };
  });
}
