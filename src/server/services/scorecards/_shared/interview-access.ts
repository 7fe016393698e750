// Who may look at an interview's scorecards, decided once per call. Panel membership comes first for every
// role (independence: a hiring manager on the panel is a panelist like any other); people off the panel
// need "insights:read" and then see submitted scorecards only. Anyone else gets NOT_FOUND.
import type { Prisma } from "@/generated/prisma/client";
import { roleHas } from "@/server/auth/permissions";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

type Reader = Pick<Prisma.TransactionClient, "interview">;

export type InterviewAccess = {
  interviewId: string;
  scriptVersionId: string;
  /** On the panel: sees their own scorecard, and the others' submitted ones once their own is submitted. */
  isPanelist: boolean;
  /** On the panel as a shadow: their scorecard is scored to learn from and never counts. */
  shadow: boolean;
};

export async function resolveInterviewAccess(db: Reader, actor: Actor, interviewId: string): Promise<InterviewAccess> {
  const interview = await db.interview.findFirst({
    where: { id: interviewId, orgId: actor.orgId },
    select: { id: true, scriptVersionId: true, panel: { where: { userId: actor.userId }, select: { userId: true, shadow: true } } },
  });
  if (!interview) throw notFound("Interview");
  return interviewAccessFrom(actor, { ...interview, orgId: actor.orgId });
}

/**
 * The same rule on an interview already read with its panel (every seat, or only the actor's): live
 * progress reads an interview once for all its viewers and decides for each one here.
 */
export function interviewAccessFrom(
  actor: Actor,
  interview: { id: string; orgId: string; scriptVersionId: string; panel: Array<{ userId: string; shadow: boolean }> },
): InterviewAccess {
  if (interview.orgId !== actor.orgId) throw notFound("Interview");
  const seat = interview.panel.find((p) => p.userId === actor.userId);
  if (!seat && !roleHas(actor.role, "insights:read")) throw notFound("Interview");
  return {
    interviewId: interview.id,
    scriptVersionId: interview.scriptVersionId,
    isPanelist: seat !== undefined,
    shadow: seat?.shadow ?? false,
  };
}

/** For writes and the scoring screen: only panel members have a scorecard. */
export async function requirePanelSeat(db: Reader, actor: Actor, interviewId: string): Promise<InterviewAccess> {
  const access = await resolveInterviewAccess(db, actor, interviewId);
  if (!access.isPanelist) throw notFound("Interview");
  return access;
}
