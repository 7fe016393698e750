// The service-user strand and assisted scoring (issue 23), on a hand-computed case: a stage whose policy
// weights staff 75% and service users 25% with external assessors advisory, and three candidates whose
// order under the strands is not their pooled order. Weights: Empathy 50, Ethics 30, Crisis handling 20.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { expandComparison } from "@/lib/insights/comparison-wire";
import { db } from "@/server/db";
import type { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { ratingsCsv } from "@/server/services/insights/export-csv";
import { listSubmittedScorecards } from "@/server/services/scorecards/list-submitted-scorecards";
import { addMember, debriefWorld, type DebriefWorld } from "./debrief-factories";
import { unique } from "./factories";
import { rateAndSubmit } from "./scorecard-factories";
import { failure } from "./script-factories";

let w: DebriefWorld;
let dan: Awaited<ReturnType<typeof addMember>>;
const ids = { a: "", b: "", c: "", aInterview: "", bInterview: "" };
const RATIONALE = "Empathy was strongest across the panel.";

beforeAll(async () => {
  w = await debriefWorld();
  dan = await addMember(w.org.id, `Dan External ${unique("d")}`, "INTERVIEWER");
  const [ada, ben, cleo] = w.panelists;
  const { q1, q2, q3 } = w.questions;
  const c = w.competencies;
  // Declared before anyone scores: staff 75%, service users 25%, external assessors advisory.
  await w.manager.caller.strands.declarePolicy({
    stageId: w.stages.panel,
    strands: [
      { strand: "STAFF", mode: "WEIGHTED", weight: 75 },
      { strand: "SERVICE_USER", mode: "WEIGHTED", weight: 25 },
      { strand: "EXTERNAL", mode: "ADVISORY", weight: 0 },
    ],
  });
  const a = await w.addCandidate(`Amara ${unique("a")}`);
  const b = await w.addCandidate(`Bilal ${unique("b")}`);
  const cand = await w.addCandidate(`Chen ${unique("c")}`);
  Object.assign(ids, { a: a.id, b: b.id, c: cand.id });
  ids.aInterview = await w.interviewAt(a.id, w.stages.panel, [ada.userId, ben.userId, cleo.userId, dan.userId]);
  ids.bInterview = await w.interviewAt(b.id, w.stages.panel, [ada.userId, ben.userId, cleo.userId]);
  const cInterview = await w.interviewAt(cand.id, w.stages.panel, [ada.userId]);
  for (const interviewId of [ids.aInterview, ids.bInterview]) {
    await w.manager.caller.strands.setMemberStrand({ interviewId, userId: cleo.userId, strand: "SERVICE_USER" });
  }
  await w.manager.caller.strands.setMemberStrand({ interviewId: ids.aInterview, userId: dan.userId, strand: "EXTERNAL" });

  const submitted = (interviewId: string, panelistId: string, scores: Record<string, number>) => w.scorecard(interviewId, panelistId, { submitted: true, scores });
  // Amara: staff 4 everywhere; the service user Empathy 2, Ethics 4, Crisis handling 1; the external assessor 1.
  await submitted(ids.aInterview, ada.userId, w.uniform(4));
  await submitted(ids.aInterview, ben.userId, w.uniform(4));
  await submitted(ids.aInterview, cleo.userId, { [`${q1.itemId}/${c.empathy}`]: 2, [`${q2.itemId}/${c.ethics}`]: 4, [`${q2.itemId}/${c.empathy}`]: 2, [`${q3.itemId}/${c["crisis-handling"]}`]: 1 });
  await submitted(ids.aInterview, dan.userId, w.uniform(1));
  // Bilal: staff 3, the service user 4. Chen: one staff scorecard of 3, no service user.
  await submitted(ids.bInterview, ada.userId, w.uniform(3));
  await submitted(ids.bInterview, ben.userId, w.uniform(3));
  await submitted(ids.bInterview, cleo.userId, w.uniform(4));
  await submitted(cInterview, ada.userId, w.uniform(3));
});

describe("the organisation-wide comparison's strands", () => {
  // Each strand's mean of every rating: Amara staff 4, service user (2 + 4 + 2 + 1)/4 = 2.25, external 1;
  // Bilal staff 3, service user 4; Chen staff 3 alone.
  it("gives each candidate row each strand's mean rating, with and without interview filters", async () => {
    const expected = {
      [ids.a]: { STAFF: 4, EXTERNAL: 1, SERVICE_USER: 2.25 },
      [ids.b]: { STAFF: 3, EXTERNAL: null, SERVICE_USER: 4 },
      [ids.c]: { STAFF: 3, EXTERNAL: null, SERVICE_USER: null },
    };
    for (const filters of [{ vacancyId: w.vacancyId }, { vacancyId: w.vacancyId, stageId: w.stages.panel }]) {
      const page = await w.hr.caller.insights.comparePage({ ...filters, blind: false });
      expect(Object.fromEntries(page.rows.map((r) => [r.candidateId, r.strandMeans]))).toEqual(expected);
    }
  });
});

describe("strand weights in the weighted score", () => {
  // Amara: staff 4; service users (50·2 + 30·4 + 20·1)/100 = 2.4; combined 0.75·4 + 0.25·2.4 = 3.6 (the
  // external 1 is advisory). Pooled, every scorecard together: Empathy 22/8 = 2.75, Ethics 13/4 = 3.25,
  // Crisis 10/4 = 2.5, so (50·2.75 + 30·3.25 + 20·2.5)/100 = 2.85.
  // Bilal: 0.75·3 + 0.25·4 = 3.25 (pooled 10/3). Chen: staff 3 alone, the service users left out: 3.
  it("scores each candidate by the declared weights, shows the strands and how far they agree", async () => {
    const { stages } = await w.hr.caller.strands.candidate({ candidateId: ids.a });
    const [stage] = stages;
    expect(stage!.combined).toBeCloseTo(3.6, 9);
    expect(stage!.pooled).toBeCloseTo(2.85, 9);
    expect(Object.fromEntries(stage!.strands.map((s) => [s.strand, [s.score, s.scorecards]]))).toEqual({
      STAFF: [4, 2],
      EXTERNAL: [1, 1],
      SERVICE_USER: [expect.closeTo(2.4, 9), 1],
    });
    expect(stage!.spread).toBe(3);
    expect(stage!.preferredBy).toEqual(["STAFF", "EXTERNAL"]);
    expect(stage!.agreeOnTop).toBe(false);

    const chen = (await w.hr.caller.strands.candidate({ candidateId: ids.c })).stages[0]!;
    expect(chen.combined).toBe(3);
    expect(chen.leftOut).toEqual(["SERVICE_USER"]);
  });

  it("ranks the comparison and the decision by the strands, not the pooled score", async () => {
    const comparison = expandComparison(await w.hr.caller.insights.compare({ vacancyId: w.vacancyId, stageId: w.stages.panel, blind: false }));
    expect(comparison.rows.map((r) => [r.candidateId, Number(r.weightedScore!.toFixed(9))])).toEqual([
      [ids.a, 3.6],
      [ids.b, 3.25],
      [ids.c, 3],
    ]);
    expect(comparison.rows[0]!.strands!.pooled).toBeCloseTo(2.85, 9);
    expect(comparison.strands!.agreeOnTop).toBe(false);
    expect(comparison.strands!.preferred.SERVICE_USER).toEqual([ids.b]);

    const opened = await w.manager.caller.debriefs.open({ candidateId: ids.a, stageId: w.stages.panel });
    const debrief = await w.manager.caller.debriefs.get({ id: opened.id });
    expect(debrief.mechanical.mechanicalScore).toBeCloseTo(3.6, 9);
    expect([debrief.mechanical.rank, debrief.mechanical.rankedOf]).toEqual([1, 3]);
  });
});

describe("departing from the service users' preferred candidate", () => {
  it("needs a written reason, which only the strand's members read afterwards", async () => {
    const decide = (candidateId: string, outcome: "APPOINT" | "REJECT", strandDepartureReason = "") =>
      w.manager.caller.debriefs.open({ candidateId, stageId: w.stages.panel }).then(({ id }) =>
        w.manager.caller.debriefs.decide({ debriefId: id, outcome, nextStageId: null, rationale: RATIONALE, overrideJustification: "", strandDepartureReason }),
      );
    // Appointing Amara departs from nothing yet: among those decided she is the service users' highest.
    await decide(ids.a, "APPOINT");
    const strands = (await w.manager.caller.strands.candidate({ candidateId: ids.b })).stages[0]!;
    expect(strands.departsIf).toEqual(["RESERVE", "REJECT"]);
    // Rejecting Bilal, the service users' choice (4 against Amara's 2.4), after appointing Amara does.
    const refused = await failure(decide(ids.b, "REJECT"));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/departs from the service-user strand's preferred candidate/);
    expect(await db().decision.count({ where: { candidateId: ids.b } })).toBe(0);
    const reason = `Both were strong; the post needs the crisis experience Amara showed ${unique("r")}`;
    await decide(ids.b, "REJECT", reason);

    const [ada, , cleo] = w.panelists;
    const seen = await cleo.caller.strands.departures({ interviewId: ids.bInterview });
    expect(seen.departures.map((d) => [d.reason, d.outcome])).toEqual([[reason, "REJECT"]]);
    expect((await ada.caller.strands.departures({ interviewId: ids.bInterview })).departures).toEqual([]);
    expect((await failure(w.outsider.caller.strands.departures({ interviewId: ids.bInterview }))).code).toBe("NOT_FOUND");
  });

  it("is checked again when a correction changes the outcome so that it departs", async () => {
    const { id: debriefId } = await db().debrief.findUniqueOrThrow({ where: { candidateId_stageId: { candidateId: ids.b, stageId: w.stages.panel } } });
    const correct = (outcome: "ADVANCE" | "REJECT", strandDepartureReason = "") =>
      w.manager.caller.debriefs.correct({
        debriefId,
        reason: "Correcting the outcome after review.",
        change: { kind: "outcome", outcome, nextStageId: outcome === "ADVANCE" ? w.stages.task : null, overrideJustification: "", strandDepartureReason },
      });
    // Advancing Bilal, the service users' choice, departs from nothing: the earlier reason no longer applies.
    await correct("ADVANCE");
    expect(await db().decision.findUniqueOrThrow({ where: { debriefId } })).toMatchObject({ outcome: "ADVANCE", strandDepartureReason: null });
    // Rejecting him again, with Amara appointed, departs: refused without the reason, nothing changed.
    const refused = await failure(correct("REJECT"));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/departs from the service-user strand's preferred candidate/);
    expect((refused.cause as AppError).field).toBe("change.strandDepartureReason");
    expect((await db().decision.findUniqueOrThrow({ where: { debriefId } })).outcome).toBe("ADVANCE");
    expect(await db().debriefCorrection.count({ where: { debriefId } })).toBe(1);
    const reason = `On review the crisis experience weighed more ${unique("r")}`;
    await correct("REJECT", reason);
    expect(await db().decision.findUniqueOrThrow({ where: { debriefId } })).toMatchObject({ outcome: "REJECT", strandDepartureReason: reason });
    expect((await w.manager.caller.debriefs.get({ id: debriefId })).decision!.strandDepartureReason).toBe(reason);
  });
});

describe("the policy locks when scoring starts", () => {
  it("refuses a change once the first scorecard at the stage is started, changing nothing", async () => {
    const stageId = w.stages.task;
    const policy = [
      { strand: "STAFF" as const, mode: "WEIGHTED" as const, weight: 60 },
      { strand: "SERVICE_USER" as const, mode: "WEIGHTED" as const, weight: 40 },
    ];
    const bad = await failure(w.manager.caller.strands.declarePolicy({ stageId, strands: [{ ...policy[0]!, weight: 70 }, policy[1]!] }));
    expect(bad.message).toBe("The weights of the weighted strands must add up to 100%.");
    await w.manager.caller.strands.declarePolicy({ stageId, strands: policy });
    const candidate = await w.addCandidate(`Dara ${unique("d")}`, stageId);
    const interviewId = await w.interviewAt(candidate.id, stageId, [w.panelists[0].userId]);
    await w.panelists[0].caller.scorecards.mine({ interviewId });
    const refused = await failure(w.manager.caller.strands.declarePolicy({ stageId, strands: [{ ...policy[0]!, weight: 50 }, { ...policy[1]!, weight: 50 }] }));
    expect(refused.code).toBe("CONFLICT");
    const now = await w.manager.caller.strands.stage({ stageId });
    expect(now.lockedAt).not.toBeNull();
    expect(now.policy.map((p) => p.weight).sort()).toEqual([40, 60]);
  });
});

describe("assisted scoring", () => {
  it("is recorded on the panelist's scorecard and carried to the ratings export, the summary and the API", async () => {
    const candidate = await w.addCandidate(`Eve ${unique("e")}`, w.stages.task);
    const ada = w.panelists[0];
    const interviewId = await w.interviewAt(candidate.id, w.stages.task, [ada.userId]);
    const card = await ada.caller.scorecards.mine({ interviewId });
    const missingName = await failure(ada.caller.strands.setAssisted({ scorecardId: card.id, assisted: true, supporterName: "" }));
    expect(missingName.code).toBe("BAD_REQUEST");
    await ada.caller.strands.setAssisted({ scorecardId: card.id, assisted: true, supporterName: "Sam Supporter" });
    await rateAndSubmit(ada.caller, interviewId, 3);
    expect((await failure(ada.caller.strands.setAssisted({ scorecardId: card.id, assisted: false }))).code).toBe("CONFLICT");
    // Still one scorecard: the supporter's views are never a rating of their own.
    expect(await db().scorecard.count({ where: { interviewId } })).toBe(1);

    const hr: Actor = { userId: w.hr.userId, orgId: w.org.id, role: "HR" };
    const [header, ...rows] = parse(await ratingsCsv(db(), hr, { vacancyId: w.vacancyId, stageId: w.stages.task, blind: false }), { bom: true }) as string[][];
    const at = (name: string) => header!.indexOf(name);
    const eve = rows.filter((r) => r[0] === candidate.name);
    expect(eve.length).toBeGreaterThan(0);
    expect(eve.every((r) => r[at("scorecard_assisted")] === "yes" && r[at("supporter_name")] === "Sam Supporter")).toBe(true);

    const summary = await w.hr.caller.insights.candidateSummary({ candidateId: candidate.id, blind: false });
    expect(summary.scorecards.map((s) => [s.assisted, s.supporterName])).toEqual([[true, "Sam Supporter"]]);
    const listed = await w.hr.caller.scorecards.forInterview({ interviewId });
    expect(listed.scorecards.map((s) => s.supporterName)).toEqual(["Sam Supporter"]);
    const api = await listSubmittedScorecards(db(), hr, { interviewId, withNotes: false, limit: 10, after: null, since: null });
    expect(api.items.map((s) => [s.assisted, s.supporterName])).toEqual([[true, "Sam Supporter"]]);
  });
});
