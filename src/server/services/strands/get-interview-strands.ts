import type { InterviewStrands } from "@/lib/schemas/strands";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { startedScoring } from "@/server/services/interviews/_shared/panel-rules";

/** An interview's panel with each member's strand and whether they have started scoring (their strand then stays). */
export async function getInterviewStrands(db: Db, actor: Actor, input: { interviewId: string }): Promise<InterviewStrands> {
  requirePermission(actor, "interviews:write");
  const interview = await db.interview.findFirst({
    where: { id: input.interviewId, orgId: actor.orgId },
    select: {
      id: true,
      stage: { select: { strandsLockedAt: true } },
      panel: { orderBy: [{ addedAt: "asc" }, { userId: "asc" }], select: { userId: true, strand: true, shadow: true, user: { select: { name: true } } } },
      scorecards: { where: startedScoring, select: { panelistId: true } },
    },
  });
  if (!interview) throw notFound("Interview");
  const started = new Set(interview.scorecards.map((s) => s.panelistId));
  return {
    interviewId: interview.id,
    lockedAt: interview.stage?.strandsLockedAt ?? null,
    panel: interview.panel.map((p) => ({ userId: p.userId, name: p.user.name, strand: p.strand, shadow: p.shadow, started: started.has(p.userId) })),
  };
}
