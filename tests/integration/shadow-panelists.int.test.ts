// Shadow panelists (issue 19): someone sits on a panel to learn, scores like everyone else, sees afterwards how
// their ratings compare with the panel's, and their scorecard never counts: not in the interview's completion
// or progress, the comparison, the candidate's summary, calibration, the CSV exports, the debrief, the
// pipeline or an organisation export. The shadow here rates every cell 1 and recommends STRONG_NO while the
// two panelists who count rate 4 and recommend YES, so any figure that let the shadow in would move.
//
// What each exclusion rests on: the visibility rule leaves shadow scorecards out of every read of scorecard
// content (remove `NOT sc."shadow"` from scorecardVisibleTo and the lists, calibration, CSV and summary
// checks fail); the tallies leave them out of every figure drawn from tallies (remove the shadow filter from
// refresh_scorecard_tallies/refresh_candidate_insights and the comparison and debrief checks fail).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { comparisonCsv, ratingsCsv } from "@/server/services/insights/export-csv";
import { addMember, debriefWorld, type DebriefWorld } from "./debrief-factories";
import { unique } from "./factories";
import { compareAs } from "./insights-factories";
import { cellsOf, rateAndSubmit } from "./scorecard-factories";
import { codeOf, failure } from "./script-factories";

type Member = Awaited<ReturnType<typeof addMember>>;

async function shadowWorld() {
  const w = await debriefWorld();
  const [ada, ben] = w.panelists;
  const shay = await addMember(w.org.id, `Shay Shadow ${unique("sh")}`, "INTERVIEWER");
  const candidate = await w.addCandidate(`Sam Candidate ${unique("c")}`);
  const interviewId = await w.interviewAt(candidate.id, w.stages.panel, [ada.userId, ben.userId]);
  // Seated as a shadow the way the panel manager does it.
  await w.manager.caller.interviews.setPanel({ id: interviewId, userIds: [ada.userId, ben.userId, shay.userId], shadowUserIds: [shay.userId] });
  const secrets = { note: unique("SHADOW-NOTE"), summary: unique("SHADOW-SUMMARY") };
  return { w, ada, ben, shay, candidate, interviewId, secrets };
}

/** The shadow's whole scorecard through the scoring screen's procedures: every cell 1, a note, STRONG_NO. */
async function shadowScores(shay: Member, interviewId: string, secrets: { note: string; summary: string }) {
  const card = await shay.caller.scorecards.mine({ interviewId });
  await shay.caller.scorecards.saveNote({ scorecardId: card.id, itemId: card.items[0]!.itemId, body: secrets.note, baseVersion: 0 });
  for (const cell of cellsOf(card)) {
    await shay.caller.scorecards.saveRating({ scorecardId: card.id, itemId: cell.itemId, competencyId: cell.competencyId, score: 1, notAssessed: false, baseVersion: 0 });
  }
  return card;
}

describe("a shadow on the panel", () => {
  let s: Awaited<ReturnType<typeof shadowWorld>>;
  let w: DebriefWorld;
  beforeAll(async () => {
    s = await shadowWorld();
    w = s.w;
    const card = await shadowScores(s.shay, s.interviewId, s.secrets);
    expect(card.shadow).toBe(true);
    // The panel finishes while the shadow is still writing: the interview is complete without them.
    await rateAndSubmit(s.ada.caller, s.interviewId, 4);
    await rateAndSubmit(s.ben.caller, s.interviewId, 4);
    expect((await db().interview.findUniqueOrThrow({ where: { id: s.interviewId } })).status).toBe("COMPLETED");
    expect(await s.shay.caller.scorecards.progress({ interviewId: s.interviewId })).toEqual([
      expect.objectContaining({ userId: s.ada.userId, state: "SUBMITTED" }),
      expect.objectContaining({ userId: s.ben.userId, state: "SUBMITTED" }),
    ]);
    // Before submitting, no comparison: the panel's ratings must not sway the shadow's.
    const early = await failure(s.shay.caller.scorecards.shadowComparison({ interviewId: s.interviewId }));
    expect(early.code).toBe("CONFLICT");
    expect(early.message).toContain("Submit your shadow scorecard first");
    await s.shay.caller.scorecards.submit({ scorecardId: card.id, recommendation: "STRONG_NO", summary: s.secrets.summary });
  }, 60_000);

  it("shows the shadow their ratings beside the panel's mean, with the practice figures", async () => {
    const comparison = await s.shay.caller.scorecards.shadowComparison({ interviewId: s.interviewId });
    expect(comparison).toMatchObject({ panelSize: 2, panelSubmitted: 2 });
    // The panel rated the required questions only; the shadow rated the optional one too, which has no mean.
    const rated = comparison.cells.filter((c) => c.panelMean !== null);
    expect(rated.length).toBeGreaterThan(2);
    for (const cell of rated) expect(cell).toMatchObject({ yours: 1, panelMean: 4, panelN: 2 });
    expect(comparison.cells.filter((c) => c.panelMean === null)).toEqual([expect.objectContaining({ yours: 1, panelN: 0 })]);
    expect(comparison.figures).toMatchObject({ n: rated.length, meanAbsDiff: 3, bias: -3 });
    // To the panelists, who are not shadows, there is no such thing.
    expect(await codeOf(s.ada.caller.scorecards.shadowComparison({ interviewId: s.interviewId }))).toBe("NOT_FOUND");
  });

  it("leaves the shadow's scorecard out of the interview's scorecards for every reader, the shadow included", async () => {
    for (const reader of [w.hr, w.admin, w.manager, s.ada, s.shay]) {
      const list = await reader.caller.scorecards.forInterview({ interviewId: s.interviewId });
      expect(list.scorecards.map((c) => c.panelist.id).sort()).toEqual([s.ada.userId, s.ben.userId].sort());
      expect(list.hiddenCount).toBe(0);
      expect(JSON.stringify(list)).not.toContain(s.secrets.note);
    }
  });

  it("counts only the panel in the comparison, the summary and calibration", async () => {
    const compare = await compareAs(w.hr.caller, { blind: false, vacancyId: w.vacancyId });
    const row = compare.rows.find((r) => r.candidateId === s.candidate.id);
    expect(row).toMatchObject({ scorecards: 2, weightedScore: 4, recommendations: { STRONG_NO: 0, YES: 2 } });
    const summary = await w.hr.caller.insights.candidateSummary({ candidateId: s.candidate.id, blind: false });
    expect(summary.scorecards.map((c) => c.panelistId).sort()).toEqual([s.ada.userId, s.ben.userId].sort());
    expect(summary.recommendations).toMatchObject({ STRONG_NO: 0, YES: 2 });
    expect(summary.competencies.filter((c) => c.n > 0).every((c) => c.mean === 4)).toBe(true);
    expect(JSON.stringify(summary)).not.toContain(s.secrets.summary);
    const calibration = await w.hr.caller.insights.calibration({});
    expect(calibration.panelists.map((p) => p.userId)).not.toContain(s.shay.userId);
    expect(calibration.panelists.map((p) => p.userId)).toEqual(expect.arrayContaining([s.ada.userId, s.ben.userId]));
  });

  it("writes nothing of the shadow's into the CSV exports", async () => {
    const actor = { userId: w.hr.userId, orgId: w.org.id, role: "HR" as const };
    const ratings = await ratingsCsv(db(), actor, { blind: false });
    const comparison = await comparisonCsv(db(), actor, { blind: false });
    for (const csv of [JSON.stringify(ratings), JSON.stringify(comparison)]) {
      expect(csv).not.toContain(s.shay.name);
      expect(csv).not.toContain(s.secrets.summary);
    }
    expect(JSON.stringify(ratings)).toContain(s.ada.name);
  });

  it("keeps the shadow out of the debrief, its panel and its scores, and out of the pipeline's count", async () => {
    const { id } = await w.manager.caller.debriefs.open({ candidateId: s.candidate.id, stageId: w.stages.panel });
    const debrief = await w.manager.caller.debriefs.get({ id });
    expect(debrief.panel.map((p) => p.id)).toEqual([s.ada.userId, s.ben.userId]);
    expect(debrief.mechanical).toMatchObject({ stageScore: 4, mechanicalScore: 4 });
    expect(debrief.mechanical.competencies.filter((c) => c.n > 0).every((c) => c.mean === 4)).toBe(true);
    const text = JSON.stringify(debrief);
    expect(text).not.toContain(s.shay.name);
    expect(text).not.toContain(s.secrets.note);
    const pipeline = await w.manager.caller.vacancies.pipeline({ id: w.vacancyId });
    const card = pipeline.columns.flatMap((c) => c.cards).find((c) => c.candidateId === s.candidate.id);
    expect(card?.waitingText).not.toContain(s.shay.name);
    expect(JSON.stringify(card)).not.toContain(s.shay.name);
  });

  it("leaves the shadow's scorecard out of an organisation export; a subject-access request has it, marked", async () => {
    const ordinary = await w.hr.caller.privacy.exportCandidate({ candidateId: s.candidate.id });
    expect(JSON.stringify(ordinary)).not.toContain(s.secrets.note);
    expect(JSON.stringify(ordinary)).not.toContain(s.secrets.summary);
    const full = await w.admin.caller.privacy.exportCandidate({ candidateId: s.candidate.id, subjectAccessRequest: true });
    expect(JSON.stringify(full)).toContain(s.secrets.summary);
    expect(JSON.stringify(full)).toContain("Written by a shadow panelist");
  });

  it("keeps a shadow who has scored a shadow, and a panelist who has scored a panelist, saying why", async () => {
    const ids = [s.ada.userId, s.ben.userId, s.shay.userId];
    const promote = await failure(w.manager.caller.interviews.setPanel({ id: s.interviewId, userIds: ids, shadowUserIds: [] }));
    expect(promote.code).toBe("CONFLICT");
    expect(promote.message).toContain("has started scoring as a shadow");
    const demote = await failure(w.manager.caller.interviews.setPanel({ id: s.interviewId, userIds: ids, shadowUserIds: [s.shay.userId, s.ada.userId] }));
    expect(demote.code).toBe("CONFLICT");
    expect(demote.message).toContain("can't become a shadow");
  });
});

describe("seating shadows", () => {
  it("refuses a panel of shadows only and a shadow who is not on the panel, with the reason", async () => {
    const s = await shadowWorld();
    const ids = [s.ada.userId, s.ben.userId, s.shay.userId];
    const allShadows = await failure(s.w.manager.caller.interviews.setPanel({ id: s.interviewId, userIds: ids, shadowUserIds: ids }));
    expect(allShadows.code).toBe("BAD_REQUEST");
    expect(allShadows.message).toContain("at least one panelist who is not a shadow");
    const stranger = await failure(
      s.w.manager.caller.interviews.setPanel({ id: s.interviewId, userIds: [s.ada.userId], shadowUserIds: [s.shay.userId] }),
    );
    expect(stranger.code).toBe("BAD_REQUEST");
    expect(stranger.message).toContain("A shadow must be one of the panel's members");
  });

  it("seats an unready member as a shadow where the script refuses unready panelists, and turns an unscored shadow into a panelist", async () => {
    const s = await shadowWorld();
    const version = await db().scriptVersion.findUniqueOrThrow({ where: { id: s.w.versionId }, select: { scriptId: true } });
    await s.w.admin.caller.readiness.updateSettings({ practiceMaxMad: 0.75, practiceUnreadyMode: "REFUSE", driftLeniencyThreshold: 0.5, driftMinRatings: 20 });
    await s.w.manager.caller.readiness.setScriptRequirement({ scriptId: version.scriptId, practiceRequired: true, practiceMonths: 12 });
    const newcomer = await addMember(s.w.org.id, `Nia Newcomer ${unique("n")}`, "INTERVIEWER");
    const base = [s.ada.userId, s.ben.userId, s.shay.userId];

    const asPanelist = await failure(
      s.w.manager.caller.interviews.setPanel({ id: s.interviewId, userIds: [...base, newcomer.userId], shadowUserIds: [s.shay.userId] }),
    );
    expect(asPanelist.code).toBe("CONFLICT");
    expect(asPanelist.message).toContain("or sit in as a shadow");
    const seated = await s.w.manager.caller.interviews.setPanel({
      id: s.interviewId,
      userIds: [...base, newcomer.userId],
      shadowUserIds: [s.shay.userId, newcomer.userId],
    });
    expect(seated).toMatchObject({ shadowUserIds: [s.shay.userId, newcomer.userId], warnings: [] });

    // The shadow opened the scoring screen but wrote nothing: they can become a panelist (readiness then
    // applies to them too, so the requirement is lifted first), and their next scorecard counts.
    await s.shay.caller.scorecards.mine({ interviewId: s.interviewId });
    await s.w.manager.caller.readiness.setScriptRequirement({ scriptId: version.scriptId, practiceRequired: false, practiceMonths: 12 });
    await s.w.manager.caller.interviews.setPanel({ id: s.interviewId, userIds: [...base, newcomer.userId], shadowUserIds: [newcomer.userId] });
    const card = await s.shay.caller.scorecards.mine({ interviewId: s.interviewId });
    expect(card.shadow).toBe(false);
    const page = await s.w.manager.caller.interviews.get({ id: s.interviewId });
    expect(page.panel.filter((p) => p.shadow).map((p) => p.userId)).toEqual([newcomer.userId]);
  });
});
