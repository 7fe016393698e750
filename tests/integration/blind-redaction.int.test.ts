// Blind review through the real candidate summary: a panelist writes the candidate's name the way people do
// (capitals, no accents, no apostrophe, one part alone) and HR reading blind sees the label every time, with
// the words around it, and words that merely contain the name, untouched.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { stopProgressEvents } from "@/server/realtime/progress-events";
import { cellsOf, createPanelInterview, rateAndSubmit } from "./scorecard-factories";

afterAll(async () => {
  await stopProgressEvents();
});

describe("blind review of notes", () => {
  it("replaces every variant of the candidate's name in the summary's notes, and nothing else", async () => {
    const f = await createPanelInterview();
    const [ada] = f.panelists;
    const interview = await db().interview.findUniqueOrThrow({ where: { id: f.interviewId }, select: { candidateId: true } });
    await db().candidate.update({ where: { id: interview.candidateId }, data: { name: "Zoë O'Brien-Nuñez" } });

    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const body = "ZOE OBRIEN NUNEZ was calm. Zoë announced a plan; o’brien asked for help and Nunez's notes were clear. Zoetrope.";
    await ada.caller.scorecards.saveNote({ scorecardId: card.id, itemId: cellsOf(card)[0]!.itemId, body, baseVersion: 0 });
    await rateAndSubmit(ada.caller, f.interviewId);

    const summary = await f.hr.caller.insights.candidateSummary({ candidateId: interview.candidateId, blind: true });
    const label = summary.candidate.label;
    const notes = summary.questions.flatMap((q) => q.notes.map((n) => n.body));
    expect(notes).toEqual([
      `${label} was calm. ${label} announced a plan; ${label} asked for help and ${label}'s notes were clear. Zoetrope.`,
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/zo[eë]\b|o.?brien|nu[nñ]ez/i);
  });
});
