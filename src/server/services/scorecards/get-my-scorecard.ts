import type { InterviewScorecardsInput } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { requirePanelSeat } from "./_shared/interview-access";
import { startScorecard } from "@/server/services/strands/_shared/start-scorecard";
import { getEasyRead } from "@/server/services/scoring-preferences/get-easy-read";
import { listAmendments } from "./list-amendments";
import { loadScriptLayout } from "./_shared/script-layout";
import { noteCellSelect, ratingCellSelect } from "./_shared/selects";

/**
 * The scoring screen's document: the panelist's own scorecard for an interview (created as a draft on first
 * open), the script's questions with anchors, and their own ratings and notes. Panel members only.
 */
export async function getMyScorecard(db: Db, actor: Actor, input: InterviewScorecardsInput) {
  const access = await requirePanelSeat(db, actor, input.interviewId);
  // A shadow's scorecard is marked as theirs from the start (see the visibility rule's fourth point); the first
  // counting one locks the stage's strand policy.
  await startScorecard(db, { orgId: actor.orgId, interviewId: access.interviewId, panelistId: actor.userId, shadow: access.shadow });
  const [card, interview, layout] = await Promise.all([
    db.scorecard.findUniqueOrThrow({
      where: { interviewId_panelistId: { interviewId: access.interviewId, panelistId: actor.userId } },
      select: {
        id: true,
        status: true,
        version: true,
        recommendation: true,
        summary: true,
        submittedAt: true,
        shadow: true,
        ratings: { select: { ...ratingCellSelect, version: true } },
        notes: { select: { ...noteCellSelect, version: true } },
      },
    }),
    db.interview.findUniqueOrThrow({
      where: { id: access.interviewId },
      select: {
        id: true,
        scheduledAt: true,
        candidate: { select: { name: true, vacancy: { select: { title: true } } } },
        stage: { select: { name: true } },
        scriptVersion: { select: { instructions: true, plannedMinutes: true, script: { select: { title: true } } } },
      },
    }),
    loadScriptLayout(db, access.scriptVersionId),
  ]);
  const [amendments, easyRead] = await Promise.all([listAmendments(db, actor.orgId, [card.id]), getEasyRead(db, actor.userId, access.interviewId)]);
  return {
    id: card.id,
    status: card.status,
    version: card.version,
    recommendation: card.recommendation,
    summary: card.summary,
    submittedAt: card.submittedAt,
    shadow: card.shadow,
    interview: {
      id: interview.id,
      candidateName: interview.candidate.name,
      vacancyTitle: interview.candidate.vacancy.title,
      stageName: interview.stage?.name ?? null,
      scheduledAt: interview.scheduledAt,
      scriptTitle: interview.scriptVersion.script.title,
      instructions: interview.scriptVersion.instructions,
      plannedMinutes: interview.scriptVersion.plannedMinutes,
    },
    items: layout.map((item) => {
      const note = card.notes.find((n) => n.itemId === item.itemId);
      return {
        ...item,
        ratings: card.ratings
          .filter((r) => r.itemId === item.itemId)
          .map(({ competencyId, score, notAssessed, version }) => ({ competencyId, score, notAssessed, version })),
        note: note ? { body: note.body, version: note.version } : null,
      };
    }),
    amendments: amendments.get(card.id) ?? [],
    easyRead,
  };
}
