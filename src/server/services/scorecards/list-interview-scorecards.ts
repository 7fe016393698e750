import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { resolveInterviewAccess } from "./interview-access";
import { listAmendments } from "./list-amendments";
import { loadScriptLayout } from "./script-layout";

export const HIDDEN_UNTIL_OWN_SUBMITTED = "Submit your own scorecard to see the others.";
export const DRAFTS_PRIVATE = "Drafts stay private until submitted.";

/**
 * The scorecards of an interview the viewer may see, under the independence rules: a draft is seen only by
 * its author; a panelist sees the others' submitted scorecards only once their own is submitted; people off
 * the panel with "insights:read" see submitted ones. Hidden scorecards are counted, and their ratings and
 * notes are never even read.
 */
export async function listInterviewScorecards(db: Db, actor: Actor, input: { interviewId: string }) {
  const access = await resolveInterviewAccess(db, actor, input.interviewId);
  const cards = await db.scorecard.findMany({
    where: { interviewId: access.interviewId, orgId: actor.orgId },
    orderBy: [{ panelist: { name: "asc" } }, { panelistId: "asc" }],
    select: {
      id: true,
      status: true,
      panelistId: true,
      panelist: { select: { id: true, name: true } },
    },
  });
  const own = cards.find((c) => c.panelistId === actor.userId);
  const seesSubmitted = !access.isPanelist || own?.status === "SUBMITTED";
  const visibleIds = cards
    .filter((c) => c.panelistId === actor.userId || (c.status === "SUBMITTED" && seesSubmitted))
    .map((c) => c.id);
  const hiddenCount = cards.length - visibleIds.length;

  const [visible, amendments, layout] = await Promise.all([
    db.scorecard.findMany({
      where: { id: { in: visibleIds } },
      orderBy: [{ panelist: { name: "asc" } }, { panelistId: "asc" }],
      select: {
        id: true,
        panelist: { select: { id: true, name: true } },
        status: true,
        recommendation: true,
        summary: true,
        submittedAt: true,
        ratings: { select: { itemId: true, competencyId: true, score: true, notAssessed: true } },
        notes: { select: { itemId: true, body: true } },
      },
    }),
    listAmendments(db, actor.orgId, visibleIds),
    loadScriptLayout(db, access.scriptVersionId),
  ]);

  return {
    scorecards: visible.map((card) => ({ ...card, amendments: amendments.get(card.id) ?? [] })),
    hiddenCount,
    hiddenReason:
      hiddenCount === 0 ? null : access.isPanelist && !seesSubmitted ? HIDDEN_UNTIL_OWN_SUBMITTED : DRAFTS_PRIVATE,
    items: layout.map((item) => ({
      itemId: item.itemId,
      number: item.number,
      text: item.text,
      required: item.required,
      competencies: item.competencies.map(({ id, name }) => ({ id, name })),
    })),
  };
}
