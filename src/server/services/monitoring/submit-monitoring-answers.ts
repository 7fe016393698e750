// Stores a candidate's answers from the public form: only ciphertext, in MonitoringResponse, and the link
// marked used in the same transaction. The conditional update of the link is the guard against a form posted
// twice (double click, two tabs): the second waits on the row lock, finds the link used and stores nothing.
import { monitoringAnswersSchema } from "@/lib/monitoring/categories";
import type { SubmitMonitoringAnswersInput } from "@/lib/schemas/monitoring";
import type { Db } from "@/server/db";
import { AppError, minutesOf } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { countAttempt } from "@/server/services/auth/_shared/attempt-counter";
import { encryptMonitoringAnswers } from "@/server/security/monitoring-crypto";
import { MONITORING_LINK_REFUSALS, monitoringInviteStateSelect, monitoringLinkStatus } from "./_shared/monitoring-link-status";
import { hashMonitoringToken } from "./_shared/monitoring-token";

// Generous for a shared office network, tight enough that guessing links from one address goes nowhere.
const SUBMISSIONS_PER_ADDRESS = { limit: 60, seconds: 15 * 60 };

function refuse(status: keyof typeof MONITORING_LINK_REFUSALS): never {
  throw new AppError(status === "used" ? "CONFLICT" : "BAD_REQUEST", MONITORING_LINK_REFUSALS[status], "token");
}

export async function submitMonitoringAnswers(db: Db, input: SubmitMonitoringAnswersInput, clientAddress: string) {
  const wait = await countAttempt(db, `monitoring-submit:${clientAddress}`, SUBMISSIONS_PER_ADDRESS);
  if (wait > 0) throw new AppError("TOO_MANY_REQUESTS", { key: "monitoring.tooManyForms", values: { minutes: minutesOf(wait) } });
  const tokenHash = hashMonitoringToken(input.token);
  await db.$transaction(async (tx) => {
    const invite = await tx.monitoringInvite.findUnique({
      where: { tokenHash },
      select: { ...monitoringInviteStateSelect, id: true, orgId: true, candidateId: true, org: { select: { monitoringCategories: true } } },
    });
    const now = new Date();
    const status = monitoringLinkStatus(invite, now);
    if (!invite || status !== "valid") refuse(status === "valid" ? "unknown" : status);
    if (invite.org.monitoringCategories.length === 0) {
      throw new AppError("BAD_REQUEST", { key: "monitoring.noLongerAsked" });
    }
    const parsed = monitoringAnswersSchema(invite.org.monitoringCategories).safeParse(input.answers);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError("BAD_REQUEST", issue.message, ["answers", ...issue.path.map(String)].join("."));
    }
    const claimed = await tx.monitoringInvite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) refuse("used");
    const { keyId, ciphertext } = encryptMonitoringAnswers(parsed.data);
    // A later link (made after an earlier answer) replaces the answers: the candidate's latest say counts.
    await tx.monitoringResponse.upsert({
      where: { candidateId: invite.candidateId },
      create: { orgId: invite.orgId, candidateId: invite.candidateId, keyId, ciphertext, submittedAt: now },
      update: { keyId, ciphertext, submittedAt: now },
      select: { id: true },
    });
    // That it happened, never what was answered.
    await recordAuditEvent(tx, {
      orgId: invite.orgId,
      actorId: null,
      action: "monitoring.response_submitted",
      entityType: "Candidate",
      entityId: invite.candidateId,
    });
  });
  return { submitted: true as const };
}
