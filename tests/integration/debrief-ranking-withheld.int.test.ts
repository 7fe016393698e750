// The debrief's ranking and the strands' departure check under the independence rule (audit F1, F2): a
// reader who holds a pending seat on another candidate's panel at the stage, where the others on it have
// submitted, is shown the ranking without that candidate (and told how many are left out); a chair in that
// position can't decide or change an outcome, since the decision is checked against the whole ranking; and
// the strands' "departs if" is not worked out from ratings the reader may not yet see. Once they submit,
// the full ranking and figures appear.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, debriefWorld, type DebriefWorld } from "./debrief-factories";
import { unique } from "./factories";
import { failure } from "./script-factories";

const RATIONALE = "Empathy was steady throughout.";

async function submitOwn(interviewId: string, panelistId: string) {
  await db().scorecard.updateMany({ where: { interviewId, panelistId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
}

describe("a debrief's ranking read with a pending seat on another candidate's panel", () => {
  let w: DebriefWorld;
  let xia: { id: string };
  let yara: { id: string; interviewId: string };
  let xiaDebriefId = "";

  beforeAll(async () => {
    w = await debriefWorld();
    const [ada, ben] = w.panelists;
    // Xia 3 everywhere, Zed 2, both from panels the manager and HR do not sit on.
    xia = await w.scoredCandidate("Xia Long", 3);
    await w.scoredCandidate("Zed Moss", 2);
    // Yara: Ada and Ben submitted 4 everywhere; the hiring manager (who chairs) and HR sit on the panel and
    // have only drafts.
    const candidate = await w.addCandidate("Yara Quinn");
    const interviewId = await w.interviewAt(candidate.id, w.stages.panel, [ada.userId, ben.userId, w.manager.userId, w.hr.userId]);
    yara = { id: candidate.id, interviewId };
    await w.scorecard(interviewId, ada.userId, { submitted: true, scores: w.uniform(4) });
    await w.scorecard(interviewId, ben.userId, { submitted: true, scores: w.uniform(4) });
    await w.scorecard(interviewId, w.manager.userId, { submitted: false, scores: w.uniform(4) });
    await w.scorecard(interviewId, w.hr.userId, { submitted: false, scores: w.uniform(4) });
    xiaDebriefId = (await w.manager.caller.debriefs.open({ candidateId: xia.id, stageId: w.stages.panel })).id;
  });

  const decide = (outcome: "RESERVE" | "REJECT") =>
    w.manager.caller.debriefs.decide({ debriefId: xiaDebriefId, outcome, nextStageId: null, rationale: RATIONALE, overrideJustification: "" });

  it("ranks Xia without Yara for the manager and HR, and says one candidate is left out", async () => {
    // Off Yara's panel, the admin sees the whole ranking: Yara 4, Xia 3, Zed 2.
    const full = await w.admin.caller.debriefs.get({ id: xiaDebriefId });
    expect([full.mechanical.rank, full.mechanical.rankedOf]).toEqual([2, 3]);
    for (const who of [w.manager, w.hr]) {
      const d = await who.caller.debriefs.get({ id: xiaDebriefId });
      expect([d.mechanical.rank, d.mechanical.rankedOf]).toEqual([1, 2]);
      expect(d.mechanical.mechanicalScore).toBeCloseTo(3, 10);
      expect(d.mechanical.countedStages.map((s) => s.name)).toEqual(["Panel interview"]);
      expect(d.mechanical.leftOut).toBe(1);
    }
    expect(full.mechanical.leftOut).toBe(0);
    // The chair's outcome form is built from the ranking shown: Xia ranked 1 of 2.
    const chair = await w.manager.caller.debriefs.get({ id: xiaDebriefId });
    expect(chair.outcomeForm!.overrides.REJECT).toEqual({ kind: "rejectTop", name: "Xia Long", rankedOf: 2 });
  });

  it("shows the manager the same figures whatever Yara's panel gave her", async () => {
    const before = await w.manager.caller.debriefs.get({ id: xiaDebriefId });
    const yaraCards = { scorecard: { interviewId: yara.interviewId, status: "SUBMITTED" as const } };
    // Planted: Ada and Ben now rate Yara 1, below Xia. The whole ranking changes; the manager's does not.
    await db().rating.updateMany({ where: yaraCards, data: { score: 1 } });
    try {
      const full = await w.admin.caller.debriefs.get({ id: xiaDebriefId });
      expect([full.mechanical.rank, full.mechanical.rankedOf]).toEqual([1, 3]);
      const after = await w.manager.caller.debriefs.get({ id: xiaDebriefId });
      expect(after.mechanical).toEqual(before.mechanical);
    } finally {
      await db().rating.updateMany({ where: yaraCards, data: { score: 4 } });
    }
  });

  it("refuses the chair's decision while Yara's ratings are hidden from them, naming her, and records nothing", async () => {
    const d = await w.manager.caller.debriefs.get({ id: xiaDebriefId });
    expect(d.decisionWithheld).not.toBeNull();
    const refused = await failure(decide("RESERVE"));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(
      "Submit your own scorecard for Yara Quinn first: the outcome is checked against the whole ranking at this stage, and that panel's ratings stay hidden from you until you do.",
    );
    expect(await db().decision.count({ where: { debriefId: xiaDebriefId } })).toBe(0);
    // The admin, off Yara's panel, may decide: nothing is withheld from them.
    expect((await w.admin.caller.debriefs.get({ id: xiaDebriefId })).decisionWithheld).toBeNull();
  });

  it("shows the full ranking and lets the chair decide once they submit on Yara's panel", async () => {
    await submitOwn(yara.interviewId, w.manager.userId);
    const d = await w.manager.caller.debriefs.get({ id: xiaDebriefId });
    expect([d.mechanical.rank, d.mechanical.rankedOf, d.mechanical.leftOut]).toEqual([2, 3, 0]);
    expect(d.decisionWithheld).toBeNull();
    // HR is still pending: still Xia 1 of 2.
    const hr = await w.hr.caller.debriefs.get({ id: xiaDebriefId });
    expect([hr.mechanical.rank, hr.mechanical.rankedOf, hr.mechanical.leftOut]).toEqual([1, 2, 1]);

    expect((await decide("RESERVE")).isOverride).toBe(false);
    // The decision is taken against the whole ranking, whoever reads it later.
    expect(await db().decision.findUniqueOrThrow({ where: { debriefId: xiaDebriefId } })).toMatchObject({ mechanicalRank: 2, rankedOf: 3 });
    // HR, still pending on Yara, is not shown the rank the decision was taken at (it reflects Yara).
    const hrClosed = await w.hr.caller.debriefs.get({ id: xiaDebriefId });
    expect([hrClosed.decision!.mechanicalRank, hrClosed.decision!.rankedOf]).toEqual([null, null]);
    const admin = await w.admin.caller.debriefs.get({ id: xiaDebriefId });
    expect([admin.decision!.mechanicalRank, admin.decision!.rankedOf]).toEqual([2, 3]);
    // Nor on Xia's page, in her stage history.
    const history = async (caller: DebriefWorld["admin"]["caller"]) => (await caller.debriefs.listForCandidate({ candidateId: xia.id })).stages[0]!.debrief!.decision!;
    expect(await history(w.hr.caller)).toMatchObject({ mechanicalRank: null, rankedOf: null });
    expect((await history(w.hr.caller)).weightedScore).toBeCloseTo(3, 10);
    expect(await history(w.admin.caller)).toMatchObject({ mechanicalRank: 2, rankedOf: 3 });
  });

  it("refuses a change of outcome while a newly ranked candidate's panel is hidden from the chair", async () => {
    const [ada] = w.panelists;
    const vic = await w.addCandidate("Vic Hale");
    const interviewId = await w.interviewAt(vic.id, w.stages.panel, [ada.userId, w.manager.userId]);
    await w.scorecard(interviewId, ada.userId, { submitted: true, scores: w.uniform(1) });
    const change = { kind: "outcome" as const, outcome: "REJECT" as const, nextStageId: null, overrideJustification: "" };
    const refused = await failure(w.manager.caller.debriefs.correct({ debriefId: xiaDebriefId, reason: "On review.", change }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("Vic Hale");
    expect((await db().decision.findUniqueOrThrow({ where: { debriefId: xiaDebriefId } })).outcome).toBe("RESERVE");
    // The rationale is the chair's own words about Xia: it may still be corrected.
    await w.manager.caller.debriefs.correct({ debriefId: xiaDebriefId, reason: "Rewording.", change: { kind: "rationale", rationale: "Empathy was steady; Ethics sound." } });

    await w.scorecard(interviewId, w.manager.userId, { submitted: true, scores: w.uniform(1) });
    await w.manager.caller.debriefs.correct({ debriefId: xiaDebriefId, reason: "On review.", change });
    expect((await db().decision.findUniqueOrThrow({ where: { debriefId: xiaDebriefId } })).outcome).toBe("REJECT");
  });

  it("leaves out the candidate's own earlier stage scored by a panel the reader has not submitted for", async () => {
    const [ada, ben] = w.panelists;
    // Una: the panel stage from Ada (2) with the manager pending, the practical task from Ada and Ben (3).
    const una = await w.addCandidate("Una Park", w.stages.task);
    const early = await w.interviewAt(una.id, w.stages.panel, [ada.userId, w.manager.userId]);
    await w.scorecard(early, ada.userId, { submitted: true, scores: w.uniform(2) });
    const task = await w.interviewAt(una.id, w.stages.task, [ada.userId, ben.userId]);
    for (const p of [ada, ben]) await w.scorecard(task, p.userId, { submitted: true, scores: w.uniform(3) });
    const { id } = await w.admin.caller.debriefs.open({ candidateId: una.id, stageId: w.stages.task });

    const full = await w.admin.caller.debriefs.get({ id });
    expect(full.mechanical.mechanicalScore).toBeCloseTo(2.5, 10);
    expect([full.mechanical.rank, full.mechanical.rankedOf, full.mechanical.countedStages.map((s) => s.name)]).toEqual([1, 1, ["Panel interview", "Practical task"]]);
    const d = await w.manager.caller.debriefs.get({ id });
    expect([d.mechanical.mechanicalScore, d.mechanical.rank, d.mechanical.rankedOf, d.mechanical.countedStages.map((s) => s.name)]).toEqual([null, null, 0, ["Practical task"]]);
    expect(d.mechanical.stageScore).toBeCloseTo(3, 10);
    expect(d.mechanical.leftOut).toBe(1);
    expect(d.decisionWithheld).not.toBeNull();
  });
});

describe("the strands' departure check for a chair with a pending seat", () => {
  let w: DebriefWorld;
  let dan: Awaited<ReturnType<typeof addMember>>;
  const ids = { amara: "", bilal: "", chen: "", bilalInterview: "", chenInterview: "" };
  const reason = `The crisis work outweighed the service users' view ${unique("r")}`;

  beforeAll(async () => {
    w = await debriefWorld();
    dan = await addMember(w.org.id, `Dan Service ${unique("d")}`, "INTERVIEWER");
    const [ada, , cleo] = w.panelists;
    const panel = async (name: string, seats: string[], serviceUsers: string[]) => {
      const candidate = await w.addCandidate(`${name} ${unique("n")}`);
      const interviewId = await w.interviewAt(candidate.id, w.stages.panel, seats);
      for (const userId of serviceUsers) await w.manager.caller.strands.setMemberStrand({ interviewId, userId, strand: "SERVICE_USER" });
      return { id: candidate.id, interviewId };
    };
    // Amara: staff 3, the service user 2; appointed by the chair before anything else is scored.
    const amara = await panel("Amara", [ada.userId, cleo.userId], [cleo.userId]);
    await w.scorecard(amara.interviewId, ada.userId, { submitted: true, scores: w.uniform(3) });
    await w.scorecard(amara.interviewId, cleo.userId, { submitted: true, scores: w.uniform(2) });
    const opened = await w.manager.caller.debriefs.open({ candidateId: amara.id, stageId: w.stages.panel });
    await w.manager.caller.debriefs.decide({ debriefId: opened.id, outcome: "APPOINT", nextStageId: null, rationale: RATIONALE, overrideJustification: "" });
    // Bilal: staff 3, the service user 4; the chair (the hiring manager) and Dan, a service user, sit on the
    // panel and have not submitted.
    const bilal = await panel("Bilal", [ada.userId, cleo.userId, w.manager.userId, dan.userId], [cleo.userId, dan.userId]);
    await w.scorecard(bilal.interviewId, ada.userId, { submitted: true, scores: w.uniform(3) });
    await w.scorecard(bilal.interviewId, cleo.userId, { submitted: true, scores: w.uniform(4) });
    await w.scorecard(bilal.interviewId, w.manager.userId, { submitted: false, scores: w.uniform(3) });
    // Chen: staff 3, service users 3 (Cleo and Dan, both submitted); the chair is not on the panel.
    const chen = await panel("Chen", [ada.userId, cleo.userId, dan.userId], [cleo.userId, dan.userId]);
    for (const p of [ada.userId, cleo.userId, dan.userId]) await w.scorecard(chen.interviewId, p, { submitted: true, scores: w.uniform(3) });
    Object.assign(ids, { amara: amara.id, bilal: bilal.id, chen: chen.id, bilalInterview: bilal.interviewId, chenInterview: chen.interviewId });
  });

  const departsIf = async (caller: DebriefWorld["admin"]["caller"], candidateId: string) =>
    (await caller.strands.candidate({ candidateId })).stages.find((s) => s.stageId === w.stages.panel)!.departsIf;

  it("does not tell a chair pending on Bilal's panel which outcomes for him depart", async () => {
    // With Amara (service users 2) appointed, turning Bilal (service users 4) down departs.
    expect(await departsIf(w.admin.caller, ids.bilal)).toEqual(["RESERVE", "REJECT"]);
    const mine = (await w.manager.caller.strands.candidate({ candidateId: ids.bilal })).stages[0]!;
    expect(mine.departsIf).toEqual([]);
    expect(mine.strands.every((s) => s.score === null)).toBe(true);
  });

  it("does not work out another candidate's departures from Bilal's hidden ratings once he is decided", async () => {
    // The admin puts Bilal, ranked first, on the reserve list: an override, and a departure.
    const opened = await w.admin.caller.debriefs.open({ candidateId: ids.bilal, stageId: w.stages.panel, reason: "The chair is away." });
    await w.admin.caller.debriefs.decide({
      debriefId: opened.id,
      outcome: "RESERVE",
      nextStageId: null,
      rationale: RATIONALE,
      overrideJustification: "Reserve list for the next post.",
      strandDepartureReason: reason,
    });
    // Chen: with Bilal (service users 4) turned down, appointing Chen (3) departs. Without Bilal's figures,
    // Chen would be the service users' choice and turning him down would depart: so nothing is said.
    expect(await departsIf(w.admin.caller, ids.chen)).toEqual(["ADVANCE", "APPOINT"]);
    expect(await departsIf(w.manager.caller, ids.chen)).toEqual([]);
  });

  it("does not give a service user pending on Bilal's panel the reason given for his decision", async () => {
    // Dan, a service user who submitted on Chen's panel but not on Bilal's, reads no reason given for Bilal;
    // Cleo, who submitted on both, does.
    expect((await dan.caller.strands.departures({ interviewId: ids.chenInterview })).departures).toEqual([]);
    expect((await w.panelists[2].caller.strands.departures({ interviewId: ids.chenInterview })).departures.map((d) => d.reason)).toEqual([reason]);
  });

  it("gives the chair the departures once they submit on Bilal's panel", async () => {
    await submitOwn(ids.bilalInterview, w.manager.userId);
    for (const candidateId of [ids.bilal, ids.chen]) {
      expect(await departsIf(w.manager.caller, candidateId)).toEqual(await departsIf(w.admin.caller, candidateId));
    }
    expect(await departsIf(w.manager.caller, ids.chen)).toEqual(["ADVANCE", "APPOINT"]);
  });
});
