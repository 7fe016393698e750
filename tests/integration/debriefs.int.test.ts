// Debriefs end to end through the API: opening (early needs a reason and names who is missing), the
// mechanical result and the queue of disagreements (hand-computed), the chair's entries never touching a
// scorecard, comments, outcomes with the override rule, corrections, refusals, who sees what, and live updates.
import { beforeAll, describe, expect, it } from "vitest";
import { krippendorffAlpha, readAlpha } from "@/lib/statistics/krippendorff-alpha";
import { db } from "@/server/db";
import { callerFor, createOrganization, unique } from "./factories";
import { addMember, debriefWorld, type DebriefWorld } from "./debrief-factories";
import { codeOf, createScriptWithContent, failure } from "./script-factories";

type Caller = ReturnType<typeof callerFor>;

const A_NOTE = unique("ADA-EVIDENCE-NOTE");
const C_NOTE = unique("CLEO-EVIDENCE-NOTE");
const PLANTED_DRAFT = unique("PLANTED-DRAFT-NOTE");
const HR_DRAFT = unique("HR-PENDING-DRAFT");
const RATIONALE = unique("Empathy shown under pressure; Ethics sound throughout. RATIONALE");
const JUSTIFICATION = unique("The practical evidence outweighs the ranking. JUSTIFICATION");

let w: DebriefWorld;
let pending: { userId: string; caller: Caller };
let hrPending: { userId: string; caller: Caller };
let dana: { id: string; interviewId: string };
let ann: { id: string };
let ben: { id: string };
let cleo: { id: string };
let danaDebriefId = "";
const cell = (itemId: string, competencyId: string) => `${itemId}/${competencyId}`;

beforeAll(async () => {
  w = await debriefWorld();
  const [ada, benP, cleoP] = w.panelists;
  const { q1, q2, q3 } = w.questions;
  const c = w.competencies;
  pending = await addMember(w.org.id, "Dee Pending", "INTERVIEWER");
  hrPending = await addMember(w.org.id, "Hana Pending HR", "HR");

  const candidate = await w.addCandidate("Dana Reed");
  const interviewId = await w.interviewAt(candidate.id, w.stages.panel, [ada.userId, benP.userId, cleoP.userId, pending.userId, hrPending.userId]);
  dana = { id: candidate.id, interviewId };
  // Dana: Empathy 1, 3, 4 (question 1) and 2, 4, 3 (question 2); Ethics 3, 3, 3; Crisis handling 2, 2 and not assessed.
  await w.scorecard(interviewId, ada.userId, {
    submitted: true,
    scores: { [cell(q1.itemId, c.empathy!)]: 1, [cell(q2.itemId, c.ethics!)]: 3, [cell(q2.itemId, c.empathy!)]: 2, [cell(q3.itemId, c["crisis-handling"]!)]: 2 },
    notes: { [q1.itemId]: A_NOTE },
  });
  await w.scorecard(interviewId, benP.userId, {
    submitted: true,
    scores: { [cell(q1.itemId, c.empathy!)]: 3, [cell(q2.itemId, c.ethics!)]: 3, [cell(q2.itemId, c.empathy!)]: 4, [cell(q3.itemId, c["crisis-handling"]!)]: 2 },
  });
  await w.scorecard(interviewId, cleoP.userId, {
    submitted: true,
    scores: { [cell(q1.itemId, c.empathy!)]: 4, [cell(q2.itemId, c.ethics!)]: 3, [cell(q2.itemId, c.empathy!)]: 3, [cell(q3.itemId, c["crisis-handling"]!)]: "NA" },
    notes: { [q2.itemId]: C_NOTE },
  });
  // Two seats not submitted: a draft each, with a note no one else may ever read.
  await w.scorecard(interviewId, pending.userId, { submitted: false, scores: { [cell(q1.itemId, c.empathy!)]: 4 }, notes: { [q1.itemId]: PLANTED_DRAFT } });
  await w.scorecard(interviewId, hrPending.userId, { submitted: false, notes: { [q1.itemId]: HR_DRAFT } });

  ann = await w.scoredCandidate("Ann Lee", 4);
  ben = await w.scoredCandidate("Ben Ng", 3);
  cleo = await w.scoredCandidate("Cleo Park", 2);
});

/** Every rating, note, scorecard and tally of an interview, as stored. */
async function scorecardRows(interviewId: string) {
  const cards = await db().scorecard.findMany({
    where: { interviewId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, version: true, updatedAt: true, summary: true, recommendation: true, submittedAt: true },
  });
  const ids = cards.map((card) => card.id);
  const [ratings, notes, tallies] = await Promise.all([
    db().rating.findMany({ where: { scorecardId: { in: ids } }, orderBy: { id: "asc" } }),
    db().scorecardNote.findMany({ where: { scorecardId: { in: ids } }, orderBy: [{ scorecardId: "asc" }, { itemId: "asc" }] }),
    db().scorecardCompetencyTally.findMany({ where: { scorecardId: { in: ids } }, orderBy: [{ scorecardId: "asc" }, { competencyId: "asc" }] }),
  ]);
  return { cards, ratings, notes, tallies };
}

async function openAll(caller: Caller, candidateId: string) {
  return caller.debriefs.open({ candidateId, stageId: w.stages.panel });
}

describe("opening a debrief", () => {
  it("needs a reason before everyone has submitted, and names who is missing", async () => {
    const refused = await failure(w.manager.caller.debriefs.open({ candidateId: dana.id, stageId: w.stages.panel }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(
      "2 panelists have not submitted yet (Dee Pending and Hana Pending HR): give a reason to open the debrief before everyone has submitted.",
    );
    expect(await db().debrief.count({ where: { candidateId: dana.id } })).toBe(0);

    const opened = await w.manager.caller.debriefs.open({ candidateId: dana.id, stageId: w.stages.panel, reason: "Dee is on leave until January." });
    expect(opened.created).toBe(true);
    expect(opened.missing.map((m) => m.name)).toEqual(["Dee Pending", "Hana Pending HR"]);
    danaDebriefId = opened.id;
    const again = await w.manager.caller.debriefs.open({ candidateId: dana.id, stageId: w.stages.panel, reason: "Clicked twice." });
    expect(again).toMatchObject({ id: opened.id, created: false });
    expect(await db().debrief.count({ where: { candidateId: dana.id } })).toBe(1);
    expect((await w.manager.caller.debriefs.get({ id: opened.id })).openedEarlyReason).toBe("Dee is on leave until January.");
  });

  it("opens without a reason once every panelist has submitted", async () => {
    const opened = await openAll(w.manager.caller, ann.id);
    expect(opened).toMatchObject({ created: true, missing: [] });
  });

  it("is for the vacancy's chairs only", async () => {
    expect(await codeOf(openAll(w.hr.caller, ben.id))).toBe("FORBIDDEN");
    expect(await codeOf(openAll(w.panelists[0].caller, ben.id))).toBe("FORBIDDEN");
    // A hiring manager of another vacancy does not see this one's candidates at all.
    expect(await codeOf(openAll(w.otherManager.caller, ben.id))).toBe("NOT_FOUND");
    expect(await db().debrief.count({ where: { candidateId: ben.id } })).toBe(0);
  });
});

describe("the mechanical result and the queue", () => {
  it("shows the weighted score, rank, means with n and the panel's agreement, computed by hand", async () => {
    const d = await w.manager.caller.debriefs.get({ id: danaDebriefId });
    // Empathy (1+3+4+2+4+3)/6 = 17/6, Ethics 3, Crisis handling (2+2)/2 = 2; (50·17/6 + 30·3 + 20·2) / 100.
    const stageScore = (50 * (17 / 6) + 30 * 3 + 20 * 2) / 100;
    expect(d.mechanical.stageScore).toBeCloseTo(stageScore, 10);
    expect(d.mechanical.mechanicalScore).toBeCloseTo(stageScore, 10);
    // Ann 4, Ben 3, Dana 2.72, Cleo 2.
    expect([d.mechanical.rank, d.mechanical.rankedOf]).toEqual([3, 4]);
    expect(d.mechanical.competencies.map((c) => [c.name, c.weight, c.mean, c.n])).toEqual([
      ["Empathy", 50, 17 / 6, 6],
      ["Ethics", 30, 3, 3],
      ["Crisis handling", 20, 2, 2],
    ]);
    const expected = krippendorffAlpha([[1, 3, 4], [3, 3, 3], [2, 4, 3], [2, 2]], "ordinal");
    expect(d.mechanical.alpha.alpha).toBeCloseTo(expected.alpha!, 10);
    expect(d.mechanical.alpha.text).toBe(readAlpha(expected).text);
  });

  it("queues only the disagreements, with every submitted rating and note in panel order", async () => {
    const d = await w.manager.caller.debriefs.get({ id: danaDebriefId });
    const [ada, benP, cleoP] = w.panelists;
    expect(d.queue.map((u) => [u.number, u.competencyName, u.mean, u.spread])).toEqual([
      [1, "Empathy", 8 / 3, 3],
      [2, "Empathy", 3, 2],
    ]);
    expect(d.queue[0]!.text).toBe(w.questions.q1.text);
    expect(d.queue[0]!.ratings.map((r) => [r.panelistId, r.score])).toEqual([
      [ada.userId, 1],
      [benP.userId, 3],
      [cleoP.userId, 4],
    ]);
    expect(d.queue[0]!.notes).toEqual([{ panelistId: ada.userId, panelistName: ada.name, body: A_NOTE }]);
    expect(d.queue[1]!.notes.map((n) => n.body)).toEqual([C_NOTE]);
    expect(d.panel.map((p) => [p.name, p.submitted])).toEqual([
      [ada.name, true],
      [benP.name, true],
      [cleoP.name, true],
      ["Dee Pending", false],
      ["Hana Pending HR", false],
    ]);
    // Drafts never reach a debrief.
    expect(JSON.stringify(d)).not.toContain(PLANTED_DRAFT);
    expect(JSON.stringify(d)).not.toContain(HR_DRAFT);
  });
});

describe("the chair's entries", () => {
  it("needs a reason when the figure changes, replaces an entry, and never touches a scorecard", async () => {
    const { q1, q2 } = w.questions;
    const empathy = w.competencies.empathy!;
    const before = await scorecardRows(dana.interviewId);

    const refused = await failure(
      w.manager.caller.debriefs.recordEntry({ debriefId: danaDebriefId, itemId: q1.itemId, competencyId: empathy, kind: "CONSENSUS", rating: 3, reason: "" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("A consensus of 3 changes the figure from the panel's mean of 2.67: give the reason.");
    expect(await db().debriefEntry.count({ where: { debriefId: danaDebriefId } })).toBe(0);

    const recorded = await w.manager.caller.debriefs.recordEntry({
      debriefId: danaDebriefId,
      itemId: q1.itemId,
      competencyId: empathy,
      kind: "CONSENSUS",
      rating: 3,
      reason: "Ada's note shows the example came later in the answer.",
    });
    expect(recorded.valueAfter).toBe(3);
    let d = await w.manager.caller.debriefs.get({ id: danaDebriefId });
    expect(d.queue[0]!.entry).toMatchObject({ kind: "CONSENSUS", rating: 3, meanBefore: 8 / 3, valueAfter: 3 });
    // Empathy: 17 − 8 + 3·3 = 18 over the same 6 ratings.
    expect(d.mechanical.competencies[0]!.meanAfter).toBeCloseTo(3, 10);
    expect(d.mechanical.stageScoreAfter).toBeCloseTo((50 * 3 + 30 * 3 + 20 * 2) / 100, 10);
    // The mechanical figure itself stays the formula's.
    expect(d.mechanical.competencies[0]!.mean).toBeCloseTo(17 / 6, 10);

    // Re-recording the item replaces its entry; keeping the mean needs no reason.
    await w.manager.caller.debriefs.recordEntry({ debriefId: danaDebriefId, itemId: q1.itemId, competencyId: empathy, kind: "KEEP_MEAN", rating: null, reason: "" });
    await w.admin.caller.debriefs.recordEntry({
      debriefId: danaDebriefId,
      itemId: q2.itemId,
      competencyId: empathy,
      kind: "CONSENSUS",
      rating: 4,
      reason: "Everyone agreed the safeguarding answer was complete.",
    });
    d = await w.manager.caller.debriefs.get({ id: danaDebriefId });
    expect(d.queue.map((u) => [u.entry?.kind, u.entry?.valueAfter])).toEqual([
      ["KEEP_MEAN", 8 / 3],
      ["CONSENSUS", 4],
    ]);
    expect(await db().debriefEntry.count({ where: { debriefId: danaDebriefId } })).toBe(2);
    expect(d.mechanical.competencies[0]!.meanAfter).toBeCloseTo(20 / 6, 10);

    expect(await scorecardRows(dana.interviewId)).toEqual(before);
  });

  it("refuses entries outside the queue and from anyone but a chair", async () => {
    const { q2 } = w.questions;
    const ethics = w.competencies.ethics!;
    const notQueued = await failure(
      w.manager.caller.debriefs.recordEntry({ debriefId: danaDebriefId, itemId: q2.itemId, competencyId: ethics, kind: "KEEP_MEAN", rating: null, reason: "" }),
    );
    expect([notQueued.code, notQueued.message]).toEqual(["BAD_REQUEST", "This question and competency are not in the debrief's queue of disagreements."]);
    const entry = { debriefId: danaDebriefId, itemId: w.questions.q1.itemId, competencyId: w.competencies.empathy!, kind: "KEEP_MEAN" as const, rating: null, reason: "" };
    expect(await codeOf(w.hr.caller.debriefs.recordEntry(entry))).toBe("FORBIDDEN");
    expect(await codeOf(w.panelists[0].caller.debriefs.recordEntry(entry))).toBe("FORBIDDEN");
    expect(await codeOf(w.otherManager.caller.debriefs.recordEntry(entry))).toBe("NOT_FOUND");
  });
});

describe("comments and live updates", () => {
  it("lets the panel comment on a queued item while everyone watching hears of it", async () => {
    const [ada] = w.panelists;
    const stream = await w.panelists[1].caller.debriefs.watch({ id: danaDebriefId });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) throw new Error("no first event");
    const unit = { debriefId: danaDebriefId, itemId: w.questions.q1.itemId, competencyId: w.competencies.empathy! };
    await ada.caller.debriefs.comment({ ...unit, body: "I wrote down the example at 10:40." });
    const next = await Promise.race([iterator.next(), new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000))]);
    if (next === "timeout" || next.done) throw new Error("no live update arrived");
    expect(next.value.version).toBeGreaterThan(first.value.version);
    await iterator.return?.();

    const d = await w.panelists[2].caller.debriefs.get({ id: danaDebriefId });
    expect(d.queue[0]!.comments.map((c) => [c.authorName, c.body])).toEqual([[ada.name, "I wrote down the example at 10:40."]]);
    expect(d.viewer).toEqual({ isChair: false, onPanel: true, canComment: true });
    await w.manager.caller.debriefs.comment({ ...unit, body: "Noted: we keep the mean." });
  });

  it("refuses long comments, items outside the queue, and people off the panel", async () => {
    const unit = { debriefId: danaDebriefId, itemId: w.questions.q1.itemId, competencyId: w.competencies.empathy! };
    const long = await failure(w.panelists[0].caller.debriefs.comment({ ...unit, body: "x".repeat(2001) }));
    expect(long.code).toBe("BAD_REQUEST");
    expect(long.message).toContain("at most 2000 characters");
    expect(await codeOf(w.panelists[0].caller.debriefs.comment({ ...unit, competencyId: w.competencies.ethics!, body: "Hm." }))).toBe("BAD_REQUEST");
    expect(await codeOf(w.hr.caller.debriefs.comment({ ...unit, body: "HR here." }))).toBe("FORBIDDEN");
    expect(await codeOf(pending.caller.debriefs.comment({ ...unit, body: "Can I see?" }))).toBe("NOT_FOUND");
  });
});

describe("who sees a debrief", () => {
  it("answers by role and seat, and another organisation's answer is NOT_FOUND", async () => {
    const get = (caller: Caller) => codeOf(caller.debriefs.get({ id: danaDebriefId }));
    const other = await createOrganization(["ADMIN"]);
    expect({
      chair: await get(w.manager.caller),
      admin: await get(w.admin.caller),
      hr: await get(w.hr.caller),
      submittedPanelist: await get(w.panelists[0].caller),
      pendingPanelist: await get(pending.caller),
      pendingHr: await get(hrPending.caller),
      managerOfAnotherVacancy: await get(w.otherManager.caller),
      interviewerWhoDidNotInterview: await get(w.outsider.caller),
      otherOrganisation: await get(callerFor(other.members.ADMIN.userId, other.org.id)),
    }).toEqual({
      chair: "OK",
      admin: "OK",
      hr: "OK",
      submittedPanelist: "OK",
      pendingPanelist: "NOT_FOUND",
      pendingHr: "NOT_FOUND",
      managerOfAnotherVacancy: "NOT_FOUND",
      interviewerWhoDidNotInterview: "NOT_FOUND",
      otherOrganisation: "NOT_FOUND",
    });
  });
});

describe("outcomes and the override rule", () => {
  const decide = (caller: Caller, debriefId: string, outcome: "ADVANCE" | "APPOINT" | "RESERVE" | "REJECT", extra: { nextStageId?: string; overrideJustification?: string; rationale?: string } = {}) =>
    caller.debriefs.decide({
      debriefId,
      outcome,
      nextStageId: extra.nextStageId ?? null,
      rationale: extra.rationale ?? RATIONALE,
      overrideJustification: extra.overrideJustification ?? "",
    });

  it("requires a rationale that cites a competency, naming them", async () => {
    const refused = await failure(decide(w.manager.caller, danaDebriefId, "APPOINT", { rationale: "Great fit for the team." }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("The rationale must cite at least one competency by name: Empathy, Ethics or Crisis handling.");
    expect(await db().decision.count({ where: { debriefId: danaDebriefId } })).toBe(0);
  });

  it("records an outcome that follows the order without a justification", async () => {
    const { id } = await openAll(w.manager.caller, ben.id);
    const decided = await decide(w.manager.caller, id, "REJECT");
    expect(decided.isOverride).toBe(false);
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: ben.id } });
    expect(candidate.status).toBe("REJECTED");
    expect(candidate.decidedAt).not.toBeNull();
    expect((await db().debrief.findUniqueOrThrow({ where: { id } })).status).toBe("CLOSED");
  });

  it("requires and marks an override, saying why it is one", async () => {
    const refused = await failure(decide(w.manager.caller, danaDebriefId, "APPOINT"));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(
      "Ben Ng (ranked 2) was rejected: appointing Dana Reed (ranked 3 of 4) puts a lower-ranked candidate above a higher-ranked one, which is an override; write why.",
    );
    const form = (await w.manager.caller.debriefs.get({ id: danaDebriefId })).outcomeForm!;
    expect(form.overrides.APPOINT).toEqual({
      kind: "inversion",
      name: "Dana Reed",
      rank: 3,
      rankedOf: 4,
      outcome: "APPOINT",
      other: "Ben Ng",
      otherRank: 2,
      otherOutcome: "REJECT",
      direction: "lowerAbove",
    });
    expect(form.overrides.REJECT).toBeNull();

    const decided = await decide(w.manager.caller, danaDebriefId, "APPOINT", { overrideJustification: JUSTIFICATION });
    expect(decided.isOverride).toBe(true);
    const decision = await db().decision.findUniqueOrThrow({ where: { debriefId: danaDebriefId } });
    expect(decision).toMatchObject({ outcome: "APPOINT", isOverride: true, overrideJustification: JUSTIFICATION, rationale: RATIONALE, mechanicalRank: 3, rankedOf: 4 });
    expect(decision.weightedScore).toBeCloseTo((50 * (17 / 6) + 30 * 3 + 20 * 2) / 100, 10);
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: dana.id } });
    expect([candidate.status, candidate.decidedAt !== null]).toEqual(["HIRED", true]);
  });

  it("calls rejecting the top scorer an override, and refuses a justification where there is none", async () => {
    const { id } = await openAll(w.manager.caller, ann.id);
    const refused = await failure(decide(w.manager.caller, id, "REJECT"));
    expect(refused.message).toBe("Ann Lee is ranked 1 of 4: rejecting the top scorer is an override; write why.");
    const needless = await failure(decide(w.manager.caller, id, "APPOINT", { overrideJustification: "Just in case." }));
    expect(needless.message).toBe("This outcome follows the mechanical order, so it is not an override: leave the override justification empty.");
    expect((await decide(w.manager.caller, id, "APPOINT")).isOverride).toBe(false);
  });

  it("advances only to a later stage of the plan, and moves the candidate there", async () => {
    const { id } = await openAll(w.admin.caller, cleo.id);
    const sameStage = await failure(decide(w.admin.caller, id, "ADVANCE", { nextStageId: w.stages.panel, overrideJustification: JUSTIFICATION }));
    expect([sameStage.code, sameStage.message]).toEqual(["BAD_REQUEST", "Choose a later stage of this vacancy's plan: Practical task."]);
    // Cleo ranks 4th; Ben, ranked 2nd, was rejected: advancing Cleo is an override.
    expect(await codeOf(decide(w.admin.caller, id, "ADVANCE", { nextStageId: w.stages.task }))).toBe("BAD_REQUEST");
    await decide(w.admin.caller, id, "ADVANCE", { nextStageId: w.stages.task, overrideJustification: JUSTIFICATION });
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: cleo.id } });
    expect([candidate.status, candidate.stageId, candidate.decidedAt]).toEqual(["ACTIVE", w.stages.task, null]);
  });

  it("locks a closed debrief: entries, comments and a second decision are refused", async () => {
    const unit = { debriefId: danaDebriefId, itemId: w.questions.q1.itemId, competencyId: w.competencies.empathy! };
    const entry = await failure(w.manager.caller.debriefs.recordEntry({ ...unit, kind: "KEEP_MEAN", rating: null, reason: "" }));
    expect(entry.code).toBe("CONFLICT");
    expect(entry.message).toContain("This debrief is closed");
    expect(await codeOf(w.panelists[0].caller.debriefs.comment({ ...unit, body: "Late thought." }))).toBe("CONFLICT");
    const again = await failure(decide(w.admin.caller, danaDebriefId, "REJECT", { overrideJustification: JUSTIFICATION }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already recorded by .*: Appoint\./);
  });
});

describe("corrections", () => {
  it("keeps a reasoned before and after, and leaves the debrief closed", async () => {
    const newRationale = "Empathy was the deciding strength; Ethics was sound.";
    const noCitation = await failure(
      w.manager.caller.debriefs.correct({ debriefId: danaDebriefId, reason: "Rewording the rationale.", change: { kind: "rationale", rationale: "Good person." } }),
    );
    expect([noCitation.code, noCitation.message]).toEqual(["BAD_REQUEST", "The rationale must cite at least one competency by name: Empathy, Ethics or Crisis handling."]);
    await w.manager.caller.debriefs.correct({ debriefId: danaDebriefId, reason: "Rewording the rationale.", change: { kind: "rationale", rationale: newRationale } });
    await w.manager.caller.debriefs.correct({
      debriefId: danaDebriefId,
      reason: "On reflection the panel kept the mean here.",
      change: { kind: "entry", itemId: w.questions.q2.itemId, competencyId: w.competencies.empathy!, entryKind: "KEEP_MEAN", rating: null },
    });
    const d = await w.hr.caller.debriefs.get({ id: danaDebriefId });
    expect(d.status).toBe("CLOSED");
    expect(d.decision!.rationale).toBe(newRationale);
    expect(d.corrections.map((c) => [c.reason, c.before, c.after])).toEqual([
      ["Rewording the rationale.", { rationale: RATIONALE }, { rationale: newRationale }],
      [
        "On reflection the panel kept the mean here.",
        { entry: { itemId: w.questions.q2.itemId, competencyId: w.competencies.empathy!, kind: "CONSENSUS", rating: 4, valueAfter: 4 } },
        { entry: { itemId: w.questions.q2.itemId, competencyId: w.competencies.empathy!, kind: "KEEP_MEAN", rating: null, valueAfter: 3, changesFigure: false } },
      ],
    ]);
  });

  it("refuses to reopen the outcome once the candidate is hired, changing nothing", async () => {
    const refused = await failure(
      w.manager.caller.debriefs.correct({
        debriefId: danaDebriefId,
        reason: "We want to reconsider Dana.",
        change: { kind: "outcome", outcome: "RESERVE", nextStageId: null, overrideJustification: "" },
      }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("Dana Reed has been hired: the decision can't be reopened.");
    expect((await db().decision.findUniqueOrThrow({ where: { debriefId: danaDebriefId } })).outcome).toBe("APPOINT");
    expect(await db().debriefCorrection.count({ where: { debriefId: danaDebriefId } })).toBe(2);
  });

  it("changes the outcome of a candidate not hired, with the override rule, and moves them", async () => {
    const benDebrief = await db().debrief.findUniqueOrThrow({ where: { candidateId_stageId: { candidateId: ben.id, stageId: w.stages.panel } } });
    const change = { kind: "outcome" as const, outcome: "RESERVE" as const, nextStageId: null, overrideJustification: "" };
    // Ben ranks 2nd; Dana (3rd) was appointed: the reserve list for Ben now inverts the order.
    const refused = await failure(w.manager.caller.debriefs.correct({ debriefId: benDebrief.id, reason: "Keeping Ben for the next post.", change }));
    expect(refused.message).toMatch(/^Dana Reed \(ranked 3\) was appointed: putting Ben Ng \(ranked 2 of 4\) on the reserve list/);
    await w.manager.caller.debriefs.correct({
      debriefId: benDebrief.id,
      reason: "Keeping Ben for the next post.",
      change: { ...change, overrideJustification: JUSTIFICATION },
    });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: ben.id } })).status).toBe("RESERVE");
    expect(await db().decision.findUniqueOrThrow({ where: { debriefId: benDebrief.id } })).toMatchObject({ outcome: "RESERVE", isOverride: true });
  });

  it("is for closed debriefs only", async () => {
    const fresh = await w.addCandidate("Finn Open");
    const interviewId = await w.interviewAt(fresh.id, w.stages.panel, [w.panelists[0].userId]);
    await w.scorecard(interviewId, w.panelists[0].userId, { submitted: true, scores: w.uniform(3) });
    const { id } = await openAll(w.manager.caller, fresh.id);
    const refused = await failure(w.manager.caller.debriefs.correct({ debriefId: id, reason: "Trying to correct early.", change: { kind: "rationale", rationale: "Empathy." } }));
    expect(refused.code).toBe("CONFLICT");
  });
});

describe("the candidate's stage history", () => {
  it("shows HR the decisions with their reasons, and a manager of another vacancy none", async () => {
    const history = await w.hr.caller.debriefs.listForCandidate({ candidateId: dana.id });
    expect(history.stages.map((s) => s.name)).toEqual(["Panel interview", "Practical task"]);
    const decision = history.stages[0]!.debrief!.decision!;
    expect(decision).toMatchObject({ outcome: "APPOINT", isOverride: true, overrideJustification: JUSTIFICATION });
    expect(history.stages[0]!.debrief!.corrections).toBe(2);

    const other = await w.otherManager.caller.debriefs.listForCandidate({ candidateId: dana.id });
    expect(other.stages.every((s) => s.debrief === null)).toBe(true);
    expect(JSON.stringify(other)).not.toContain("JUSTIFICATION");
  });

  it("tells a chair who is missing at a stage ready to debrief", async () => {
    const gil = await w.addCandidate("Gil Waiting");
    const interviewId = await w.interviewAt(gil.id, w.stages.panel, [w.panelists[0].userId, w.panelists[1].userId]);
    await w.scorecard(interviewId, w.panelists[0].userId, { submitted: true, scores: w.uniform(3) });
    const history = await w.manager.caller.debriefs.listForCandidate({ candidateId: gil.id });
    expect(history.chairs).toBe(true);
    expect(history.stages[0]!.missing!.map((m) => m.name)).toEqual([w.panelists[1].name]);
    expect(history.stages[1]!.missing).toBeNull();
    expect((await w.hr.caller.debriefs.listForCandidate({ candidateId: gil.id })).stages[0]!.missing).toBeNull();
  });
});

describe("a panelist who has not submitted", () => {
  it("meets no debrief text anywhere, whatever their role", async () => {
    const seen: string[] = [];
    const record = async (promise: Promise<unknown>) => {
      try {
        seen.push(JSON.stringify(await promise));
      } catch (error) {
        seen.push(String((error as Error).message));
      }
    };
    for (const who of [pending, hrPending]) {
      await record(who.caller.debriefs.get({ id: danaDebriefId }));
      await record(who.caller.debriefs.listForCandidate({ candidateId: dana.id }));
      await record(who.caller.debriefs.watch({ id: danaDebriefId }).then((s) => s[Symbol.asyncIterator]().next()));
      await record(who.caller.debriefs.comment({ debriefId: danaDebriefId, itemId: w.questions.q1.itemId, competencyId: w.competencies.empathy!, body: "?" }));
    }
    const all = seen.join("\n");
    for (const secret of [A_NOTE, C_NOTE, RATIONALE, JUSTIFICATION, "Empathy was the deciding strength"]) expect(all).not.toContain(secret);
    expect((await hrPending.caller.debriefs.listForCandidate({ candidateId: dana.id })).stages[0]!.debrief).toBeNull();
    // No way in from their own interview either: My interviews and the interview page carry no debrief.
    for (const who of [pending, hrPending]) {
      const mine = await who.caller.interviews.mine();
      const row = [...mine.upcoming, ...mine.toScore, ...mine.submitted].find((r) => r.interviewId === dana.interviewId);
      expect(row).toBeDefined();
      expect(row!.debrief).toBeNull();
      expect((await who.caller.interviews.get({ id: dana.interviewId })).debrief).toBeNull();
    }
  });

  it("sees the debrief once their own scorecard is submitted", async () => {
    await db().scorecard.updateMany({ where: { interviewId: dana.interviewId, panelistId: pending.userId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    const d = await pending.caller.debriefs.get({ id: danaDebriefId });
    expect(d.queue[0]!.notes.map((n) => n.body)).toContain(A_NOTE);
    // My interviews and the interview page now lead to it, as they do for a panelist who submitted long ago.
    for (const caller of [pending.caller, w.panelists[0]!.caller]) {
      const row = (await caller.interviews.mine()).submitted.find((r) => r.interviewId === dana.interviewId);
      expect(row?.debrief?.id).toBe(danaDebriefId);
      expect((await caller.interviews.get({ id: dana.interviewId })).debrief?.id).toBe(danaDebriefId);
    }
  });
});

describe("refusals that change nothing", () => {
  it("refuses decisions on withdrawn and erased candidates", async () => {
    const eve = await w.scoredCandidate("Eve Gone", 3);
    const { id: eveDebrief } = await openAll(w.manager.caller, eve.id);
    await db().candidate.update({ where: { id: eve.id }, data: { status: "WITHDRAWN" } });
    const withdrawn = await failure(
      w.manager.caller.debriefs.decide({ debriefId: eveDebrief, outcome: "REJECT", nextStageId: null, rationale: "Empathy thin.", overrideJustification: "" }),
    );
    expect([withdrawn.code, withdrawn.message]).toEqual(["CONFLICT", "Eve Gone has withdrawn: a decision is no longer possible."]);
    expect(await codeOf(openAll(w.manager.caller, eve.id))).toBe("OK"); // the same debrief, already open

    const fay = await w.scoredCandidate("Fay Erased", 3);
    const { id: fayDebrief } = await openAll(w.manager.caller, fay.id);
    await db().candidate.update({ where: { id: fay.id }, data: { anonymizedAt: new Date(), name: "Erased candidate" } });
    const erased = await failure(
      w.manager.caller.debriefs.decide({ debriefId: fayDebrief, outcome: "REJECT", nextStageId: null, rationale: "Empathy thin.", overrideJustification: "" }),
    );
    expect([erased.code, erased.message]).toEqual(["CONFLICT", "This candidate's personal data was erased: a decision is no longer possible."]);
    expect(await db().decision.count({ where: { debriefId: { in: [eveDebrief, fayDebrief] } } })).toBe(0);
    expect(await db().debrief.count({ where: { id: { in: [eveDebrief, fayDebrief] }, status: "OPEN" } })).toBe(2);
  });

  it("explains a stage whose script version no longer matches the interviews'", async () => {
    const hal = await w.addCandidate("Hal Moved", w.stages.task);
    const interviewId = await w.interviewAt(hal.id, w.stages.task, [w.panelists[0].userId]);
    await w.scorecard(interviewId, w.panelists[0].userId, { submitted: true, scores: w.uniform(3) });
    const { id } = await w.manager.caller.debriefs.open({ candidateId: hal.id, stageId: w.stages.task });
    // The plan's stage moves to another published script after the interview.
    const replacement = await createScriptWithContent(w.manager.caller);
    const published = await w.manager.caller.scripts.publish({ id: replacement.id, baseUpdatedAt: replacement.saved.updatedAt });
    await db().vacancyStage.update({ where: { id: w.stages.task }, data: { scriptVersionId: published.versionId } });
    try {
      const d = await w.manager.caller.debriefs.get({ id });
      expect(d.blocked).toMatch(/^The plan's stage “Practical task” now uses version 1 of “.*”, but Hal Moved's interviews at this stage were run with version 1 of “.*”\. /);
      const refused = await failure(
        w.manager.caller.debriefs.decide({ debriefId: id, outcome: "REJECT", nextStageId: null, rationale: "Empathy thin.", overrideJustification: "" }),
      );
      expect([refused.code, refused.message]).toEqual(["CONFLICT", d.blocked]);
      expect(await db().decision.count({ where: { debriefId: id } })).toBe(0);
    } finally {
      await db().vacancyStage.update({ where: { id: w.stages.task }, data: { scriptVersionId: w.versionId } });
    }
  });
});

describe("the audit log", () => {
  it("records every debrief action without the words written in it", async () => {
    const events = await db().auditEvent.findMany({ where: { orgId: w.org.id, action: { startsWith: "debrief." } }, select: { action: true, data: true } });
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(["debrief.opened", "debrief.entry_recorded", "debrief.commented", "debrief.decided", "debrief.corrected"]));
    const text = JSON.stringify(events);
    for (const secret of [RATIONALE, JUSTIFICATION, "I wrote down the example", "Ada's note shows", "Rewording the rationale"]) expect(text).not.toContain(secret);
  });
});
