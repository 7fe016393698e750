import type { InterviewStrands, SetPanelMemberStrandInput } from "@/lib/schemas/strands";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { NOT_ON_PANEL, STRAND_LOCKED_FOR_MEMBER } from "./_shared/messages";
import { startedScoring } from "@/server/services/interviews/_shared/panel-rules";
import { getInterviewStrands } from "./get-interview-strands";

/**
 * Marks a member of an interview's panel as staff, external or service user. Refused once they have started
 * scoring: their ratings would move from one strand's figures to another's.
 */
export async function setPanelMemberStrand(db: Db, actor: Actor, input: SetPanelMemberStrandInput): Promise<InterviewStrands> {
  requirePermission(actor, "interviews:write");
  await db.$transaction(async (tx) => {
    const interview = await tx.interview.findFirst({ where: { id: input.interviewId, orgId: actor.orgId }, select: { id: true } });
    if (!interview) throw notFound("Interview");
    const started = await tx.scorecard.count({ where: { interviewId: interview.id, panelistId: input.userId, ...startedScoring } });
    if (started > 0) throw new AppError("CONFLICT", STRAND_LOCKED_FOR_MEMBER, "strand");
    const updated = await tx.panelMember.updateMany({ where: { interviewId: interview.id, userId: input.userId }, data: { strand: input.strand } });
    if (updated.count === 0) throw new AppError("BAD_REQUEST", NOT_ON_PANEL, "userId");
    await recordActorEvent(tx, actor, "strands.member_strand_set", ["Interview", interview.id], { userId: input.userId, strand: input.strand });
  });
  return getInterviewStrands(db, actor, { interviewId: input.interviewId });
}
