// A link to the voluntary equal-opportunities form for one candidate. HR and admins may make one for any
// candidate, a hiring manager for the candidates of the vacancies they manage. A new link revokes the
// previous unused one, so only the latest link works. The link goes back once (only its hash is kept) and,
// when the candidate has an email address and SMTP is set up, is emailed through the job queue.
import type { CreateMonitoringInviteInput } from "@/lib/schemas/monitoring";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { queueNotification } from "@/server/jobs/send-email-job";
import { monitoringLink, monitoringLinkExpiry, newMonitoringToken } from "./_shared/monitoring-token";

export const NOTHING_COLLECTED =
  "Your organisation collects no equal-opportunities categories yet: an admin chooses them under Settings, Fairness monitoring.";

export async function createMonitoringInvite(db: Db, actor: Actor, input: CreateMonitoringInviteInput) {
  requirePermission(actor, "candidates:contact");
  const { token, tokenHash } = newMonitoringToken();
  const expiresAt = monitoringLinkExpiry();
  const emailed = await db.$transaction(async (tx) => {
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, orgId: actor.orgId },
      select: {
        id: true,
        email: true,
        anonymizedAt: true,
        org: { select: { monitoringCategories: true } },
        vacancy: { select: { managers: { select: { userId: true } } } },
      },
    });
    if (!candidate) throw notFound("Candidate");
    if (actor.role === "HIRING_MANAGER" && !candidate.vacancy.managers.some((m) => m.userId === actor.userId)) {
      throw new AppError("FORBIDDEN", { key: "monitoring.whoCanSend" });
    }
    if (candidate.anonymizedAt) throw new AppError("BAD_REQUEST", { key: "monitoring.candidateErased" });
    if (candidate.org.monitoringCategories.length === 0) throw new AppError("BAD_REQUEST", NOTHING_COLLECTED);
    // Two links made at once for one candidate: the row lock lets the second revoke the first, so one works.
    await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE "id" = ${candidate.id} FOR UPDATE`;
    const now = new Date();
    await tx.monitoringInvite.updateMany({
      where: { candidateId: candidate.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invite = await tx.monitoringInvite.create({
      data: { orgId: actor.orgId, candidateId: candidate.id, tokenHash, expiresAt, createdById: actor.userId },
      select: { id: true },
    });
    const queued = candidate.email
      ? await queueNotification(tx, { kind: "monitoring-invite", orgId: actor.orgId, inviteId: invite.id, token })
      : false;
    await recordActorEvent(tx, actor, "monitoring.invite_created", ["Candidate", candidate.id], { inviteId: invite.id, emailed: queued });
    return queued;
  });
  return { link: monitoringLink(token), expiresAt, emailed };
}
