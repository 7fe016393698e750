import type { SetPanelInput } from "@/lib/schemas/interviews";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { erasedInterview } from "./_shared/erased-interview";
import { notifyPanel } from "./_shared/notify-panel";
import { refuseSeatsNotIndependent } from "./_shared/independent-seats";
import { assertPanelMembers, startedScoring } from "./_shared/panel-rules";
import { syncInterviewCompletion } from "./_shared/sync-interview-completion";
import { checkPanelReadiness } from "@/server/services/training/readiness-rules";
import { asSet, lockForUpdate, refuseIfShownChanged, type WritePrecondition } from "@/server/services/_shared/lock-for-update";


/**
 * Replaces the panel and says who on it sits as a shadow. Someone who has rated anything or submitted keeps
 * their seat as it is: removing them would throw away their independent judgement (and the scorecard that
 * records it), and turning a shadow into a panelist (or back) would make a scorecard written not to count
 * count (or the reverse). On a script that requires practice, a panelist added who is not ready is refused
 * or comes back as a warning (the organisation's mode); a shadow needs no readiness, shadowing being one way
 * to learn. Once a scorecard is submitted, nobody who could already read it without a seat is added (their
 * ratings would not be independent; see _shared/independent-seats.ts), shadows included; interviewers and
 * managers whose candidate it is not still can be. The interview's row is locked first: two panel changes at
 * once apply one after the other, and `precondition` (the REST API's If-Match) and `shown` (the page's) are
 * checked against the panel this replaces.
 */
export async function setInterviewPanel(db: Db, actor: Actor, input: SetPanelInput, precondition?: WritePrecondition) {
  requirePermission(actor, "interviews:write");
  return db.$transaction(async (tx) => {
    await lockForUpdate(tx, "Interview", { id: input.id, orgId: actor.orgId }, precondition);
    const interview = await tx.interview.findFirst({
      where: { id: input.id, orgId: actor.orgId },
      select: {
        id: true,
        scriptVersionId: true,
        panel: { select: { userId: true, shadow: true } },
        candidate: { select: { anonymizedAt: true } },
      },
    });
    if (!interview) throw notFound("Interview");
    if (interview.candidate.anonymizedAt) throw erasedInterview();
    const current = new Map(interview.panel.map((p) => [p.userId, p.shadow]));
    const { shown } = input;
    refuseIfShownChanged(
      shown && { userIds: asSet(shown.userIds), shadowUserIds: asSet(shown.shadowUserIds) },
      { userIds: asSet([...current.keys()]), shadowUserIds: asSet(interview.panel.filter((p) => p.shadow).map((p) => p.userId)) },
      { key: "interview.panelChangedElsewhere" },
    );
    const wanted = new Set(input.userIds);
    const shadows = new Set(input.shadowUserIds);
    const removed = [...current.keys()].filter((id) => !wanted.has(id));
    const added = input.userIds.filter((id) => !current.has(id));
    const switched = input.userIds.filter((id) => current.has(id) && current.get(id) !== shadows.has(id));

    if (removed.length) {
      const scored = await tx.scorecard.findFirst({
        where: { interviewId: interview.id, panelistId: { in: removed }, ...startedScoring },
        select: { status: true, panelist: { select: { name: true } } },
      });
      if (scored) {
        const key = scored.status === "SUBMITTED" ? "interview.submittedStaysOnPanel" : "interview.startedStaysOnPanel";
        throw new AppError("CONFLICT", { key, values: { name: scored.panelist.name } }, "userIds");
      }
    }
    if (switched.length) {
      const scored = await tx.scorecard.findFirst({
        where: { interviewId: interview.id, panelistId: { in: switched }, ...startedScoring },
        select: { shadow: true, panelist: { select: { name: true } } },
      });
      if (scored) {
        throw new AppError(
          "CONFLICT",
          { key: scored.shadow ? "interview.shadowStaysShadow" : "interview.panelistCantBecomeShadow", values: { name: scored.panelist.name } },
          "shadowUserIds",
        );
      }
    }
    if (added.length) await assertPanelMembers(tx, actor.orgId, added);
    // Someone who can already read the panel's submitted scorecards (HR, an admin, the candidate's manager: by
    // leaving their own seat, say) would not rate independently: refused. Asked under the row's lock, which a
    // submit takes too, so no submission slips in between.
    await refuseSeatsNotIndependent(tx, actor.orgId, interview.id, added, "userIds");
    const counting = [...added, ...switched].filter((id) => !shadows.has(id));
    const warnings = await checkPanelReadiness(tx, actor, interview.scriptVersionId, counting, "userIds");

    await tx.panelMember.deleteMany({ where: { interviewId: interview.id, userId: { in: removed } } });
    await tx.panelMember.createMany({
      data: added.map((userId) => ({ interviewId: interview.id, userId, shadow: shadows.has(userId) })),
    });
    for (const userId of switched) {
      await tx.panelMember.update({
        where: { interviewId_userId: { interviewId: interview.id, userId } },
        data: { shadow: shadows.has(userId) },
      });
    }
    // An empty, unrated draft of a removed or switched member is just a placeholder: don't leave it behind
    // (a switched member's next one is made with the seat's new kind).
    const placeholders = [...removed, ...switched];
    if (placeholders.length) {
      await tx.scorecard.deleteMany({ where: { interviewId: interview.id, panelistId: { in: placeholders } } });
    }
    // A seat added, removed or changed is a change of the event: its SEQUENCE goes up in this transaction, so
    // the invitation of someone added and the cancellation of someone removed outrank what they had before.
    if (added.length || removed.length || switched.length) {
      await tx.interview.update({ where: { id: interview.id }, data: { calendarSequence: { increment: 1 } } });
    }
    await syncInterviewCompletion(tx, interview.id);
    await recordActorEvent(tx, actor, "interview.panel_changed", ["Interview", interview.id], {
      added,
      removed,
      shadows: [...shadows],
    });
    await notifyPanel(tx, actor, interview.id, added, "added-to-panel");
    await notifyPanel(tx, actor, interview.id, removed, "removed-from-panel");
    return { id: interview.id, userIds: input.userIds, shadowUserIds: [...shadows], warnings };
  });
}
