import type { InterviewIdInput } from "@/lib/schemas/interviews";
import type { DbOrTx } from "@/server/db";
import { notFound } from "@/server/errors";
import { roleHas } from "@/server/auth/permissions";
import type { Actor } from "@/server/services/actor";
import { debriefsOfInterviews } from "@/server/services/debriefs/_shared/interview-debriefs";

/**
 * One interview for its page. Panelists see the interviews they sit on; roles that read candidates see
 * every interview of the organisation. Anyone else gets "not found", as for another organisation's record.
 */
export async function getInterview(db: DbOrTx, actor: Actor, input: InterviewIdInput) {
  const canManage = roleHas(actor.role, "interviews:write");
  const interview = await db.interview.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: {
      id: true,
      scheduledAt: true,
      location: true,
      status: true,
      updatedAt: true,
      candidate: { select: { id: true, name: true, vacancyId: true, vacancy: { select: { title: true } }, email: true, phone: true } },
      stage: { select: { id: true, name: true } },
      scriptVersion: {
        select: { id: true, version: true, plannedMinutes: true, script: { select: { id: true, title: true } } },
      },
      panel: {
        orderBy: { addedAt: "asc" },
        select: { userId: true, shadow: true, user: { select: { name: true, email: true } } },
      },
      invitations: canManage
        ? {
            orderBy: { createdAt: "desc" },
            select: { id: true, email: true, expiresAt: true, acceptedAt: true, revokedAt: true },
          }
        : false,
    },
  });
  if (!interview) throw notFound("Interview");
  const isPanelist = interview.panel.some((p) => p.userId === actor.userId);
  if (!isPanelist && !roleHas(actor.role, "candidates:read")) throw notFound("Interview");
  const showContact = roleHas(actor.role, "candidates:contact");
  const debrief = (await debriefsOfInterviews(db, actor, [interview.id])).get(interview.id) ?? null;
  return {
    id: interview.id,
    scheduledAt: interview.scheduledAt,
    location: interview.location,
    status: interview.status,
    updatedAt: interview.updatedAt,
    candidate: {
      id: interview.candidate.id,
      name: interview.candidate.name,
      vacancyId: interview.candidate.vacancyId,
      vacancyTitle: interview.candidate.vacancy.title,
      email: showContact ? interview.candidate.email : null,
      phone: showContact ? interview.candidate.phone : null,
    },
    script: {
      id: interview.scriptVersion.script.id,
      title: interview.scriptVersion.script.title,
      version: interview.scriptVersion.version,
      versionId: interview.scriptVersion.id,
      plannedMinutes: interview.scriptVersion.plannedMinutes,
    },
    stage: interview.stage,
    debrief,
    panel: interview.panel.map((p) => ({ userId: p.userId, name: p.user.name, email: p.user.email, shadow: p.shadow })),
    isPanelist,
    isShadow: interview.panel.some((p) => p.userId === actor.userId && p.shadow),
    canManage,
    invitations: interview.invitations ?? [],
  };
}
