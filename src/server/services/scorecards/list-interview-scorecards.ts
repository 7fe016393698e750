import type { InterviewScorecardsInput } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import { DRAFTS_PRIVATE, OUTSIDE_ROLE_SCOPE, visibleScorecardIds } from "@/server/access/scorecard-visibility";
import type { Actor } from "@/server/services/actor";
import { resolveInterviewAccess } from "./_shared/interview-access";
import { listAmendments } from "./list-amendments";
import { HIDDEN_UNTIL_OWN_SUBMITTED } from "./_shared/scorecard-messages";
import { loadScriptLayout } from "./_shared/script-layout";
import { noteCellSelect, ratingCellSelect } from "./_shared/selects";

const HIDDEN_REASONS = { ownNotSubmitted: HIDDEN_UNTIL_OWN_SUBMITTED, outsideRoleScope: OUTSIDE_ROLE_SCOPE, draftsPrivate: DRAFTS_PRIVATE } as const;

/**
 * The scorecards of an interview the viewer may see, under the one visibility rule
 * (@/server/access/scorecard-visibility): a draft only by its author; the others' submitted scorecards by a
 * panelist once their own is submitted; off the panel, within the role's scope. Hidden scorecards are
 * counted, and their ratings and notes are never even read.
 */
export async function listInterviewScorecards(db: Db, actor: Actor, input: InterviewScorecardsInput) {
  const access = await resolveInterviewAccess(db, actor, input.interviewId);
  const [cards, visibleIds] = await Promise.all([
    db.scorecard.findMany({
      where: { interviewId: access.interviewId, orgId: actor.orgId },
      select: { id: true, status: true, panelistId: true, shadow: true },
    }),
    visibleScorecardIds(db, actor, { interviewId: access.interviewId }),
  ]);
  const own = cards.find((c) => c.panelistId === actor.userId);
  // A shadow's scorecard is no part of the panel's: not listed, and not counted as hidden either.
  const hiddenCount = cards.filter((c) => !c.shadow).length - visibleIds.size;
  const hiddenReasonKey =
    hiddenCount === 0
      ? null
      : access.isPanelist && own?.status !== "SUBMITTED"
        ? ("ownNotSubmitted" as const)
        : cards.some((c) => !visibleIds.has(c.id) && c.status === "SUBMITTED")
          ? ("outsideRoleScope" as const)
          : ("draftsPrivate" as const);
  const hiddenReason = hiddenReasonKey && HIDDEN_REASONS[hiddenReasonKey];

  const [visible, amendments, layout] = await Promise.all([
    db.scorecard.findMany({
      where: { id: { in: [...visibleIds] } },
      orderBy: [{ panelist: { name: "asc" } }, { panelistId: "asc" }],
      select: {
        id: true,
        panelist: { select: { id: true, name: true } },
        status: true,
        recommendation: true,
        summary: true,
        submittedAt: true,
        assisted: true,
        supporterName: true,
        ratings: { select: ratingCellSelect },
        notes: { select: noteCellSelect },
      },
    }),
    listAmendments(db, actor.orgId, [...visibleIds]),
    loadScriptLayout(db, access.scriptVersionId),
  ]);

  return {
    scorecards: visible.map((card) => ({ ...card, amendments: amendments.get(card.id) ?? [] })),
    hiddenCount,
    hiddenReason,
    hiddenReasonKey,
    items: layout.map((item) => ({
      itemId: item.itemId,
      number: item.number,
      text: item.text,
      required: item.required,
      competencies: item.competencies.map(({ id, name }) => ({ id, name })),
    })),
  };
}
