import type { InterviewScorecardsInput, PanelistProgress } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { resolveInterviewAccess } from "./_shared/interview-access";
import { progressOf, readProgressCards } from "./_shared/panel-progress-snapshot";

/**
 * Where each panelist is with their scorecard: not started, in progress (a draft with something saved) or
 * submitted. States only, so every viewer of the interview may see it: never scores, and never when a draft
 * was last saved, which would show fellow panelists who is writing a lot on which question. A live viewer
 * hears of a panelist at most twice (started, submitted), however often they save.
 */
export async function getPanelProgress(db: Db, actor: Actor, input: InterviewScorecardsInput): Promise<PanelistProgress[]> {
  const access = await resolveInterviewAccess(db, actor, input.interviewId);
  const [panel, cards] = await Promise.all([
    db.panelMember.findMany({
      // Shadows learn beside the panel; the panel's progress is that of the members whose scorecards count.
      where: { interviewId: access.interviewId, shadow: false },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
      select: { userId: true, user: { select: { name: true } } },
    }),
    readProgressCards(db, access.interviewId),
  ]);
  return progressOf(panel.map((p) => ({ ...p, shadow: false })), cards);
}
