// Insights against a real Postgres: comparison, candidate summary, calibration and the CSV exports, with
// the figures checked against scores picked by hand (see insights-factories.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { comparisonCsv, guardCell, ratingsCsv } from "@/server/services/insights/export-csv";
import { cellAt } from "@/lib/insights/comparison-cells";
import { blindLabel, letterSequence, redactCandidate } from "@/server/services/insights/blind-labels";
import { codeOf } from "./script-factories";
import { expandComparison, type Comparison } from "@/lib/insights/comparison-wire";
import { compareAs, createInsightsFixture, type InsightsFixture } from "./insights-factories";
import { parse } from "csv-parse/sync";

let f: InsightsFixture;

beforeAll(async () => {
  f = await createInsightsFixture();
});

const actor = (userId: string, role: "ADMIN" | "HIRING_MANAGER" | "HR" | "INTERVIEWER") => ({
  userId,
  orgId: f.org.id,
  role,
});

const empathy = () => f.scripts.manager.cells[0]!.competencyId;
const ethics = () => f.scripts.manager.cells[1]!.competencyId;
const crisis = () => f.scripts.manager.cells[3]!.competencyId;

/** A row's figures for one competency, read from the arrays aligned with the comparison's competencies. */
const cellOf = (result: Comparison, candidateId: string, competencyId: string) => {
  const row = result.rows.find((r) => r.candidateId === candidateId)!;
  const column = result.competencies.findIndex((c) => c.id === competencyId);
  expect(column, "competency is a column of the comparison").toBeGreaterThanOrEqual(0);
  return cellAt(row, column);
};

describe("compare", () => {
  it("counts submitted scorecards only: the draft with all 4s moves neither means nor counts", async () => {
    const result = await compareAs(f.hr.caller, { vacancyId: f.vacancyId, blind: false });
    const nora = result.rows.find((r) => r.candidateId === f.candidates.nora.id)!;
    expect(nora.scorecards).toBe(3);
    expect(nora.interviews).toBe(1);
    expect(cellOf(result, nora.candidateId, empathy())).toMatchObject({ n: 6 });
    expect(cellOf(result, nora.candidateId, empathy()).mean).toBeCloseTo(17 / 6, 10);
    expect(cellOf(result, nora.candidateId, ethics()).mean).toBeCloseTo(7 / 3, 10);
    expect(nora.recommendations).toEqual({ STRONG_NO: 0, NO: 1, YES: 1, STRONG_YES: 1 });
  });

  it("applies the script's weights (50/30/20) and sorts by weighted score, best first", async () => {
    const result = await compareAs(f.hr.caller, { vacancyId: f.vacancyId, blind: false });
    expect(result.rows.map((r) => r.label)).toEqual(["Pia Sol", "Nora Quill", "Omar Reyes"]);
    const [pia, nora, omar] = result.rows;
    expect(nora!.weightedScore).toBeCloseTo((50 * (17 / 6) + 30 * (7 / 3) + 20 * (7 / 3)) / 100, 10);
    expect(omar!.weightedScore).toBeCloseTo((50 * (14 / 6) + 30 * (7 / 3) + 20 * (4 / 3)) / 100, 10);
    // Pia's crisis handling: one panelist marked it not assessed; the mean is over the two scores.
    expect(cellOf(result, pia!.candidateId, crisis())).toEqual({ mean: 3.5, n: 2, notAssessed: 1 });
    expect(pia!.weightedScore).toBeCloseTo((50 * (20 / 6) + 30 * (10 / 3) + 20 * 3.5) / 100, 10);
    expect(result.competencies.map((c) => [c.id, c.weight])).toEqual([
      [empathy(), 50],
      [ethics(), 30],
      [crisis(), 20],
    ]);
  });

  it("filters by interviewer: only that panelist's scorecards", async () => {
    const result = await compareAs(f.hr.caller, {
      vacancyId: f.vacancyId,
      interviewerId: f.panelists.cleo.userId,
      blind: false,
    });
    expect(result.rows).toHaveLength(3);
    expect(result.rows.every((r) => r.scorecards === 1)).toBe(true);
    expect(cellOf(result, f.candidates.pia.id, empathy()).mean).toBe(4);
  });

  it("filters by candidates, status and interview date", async () => {
    const picked = await compareAs(f.hr.caller, { candidateIds: [f.candidates.omar.id], blind: false });
    expect(picked.rows.map((r) => r.candidateId)).toEqual([f.candidates.omar.id]);
    const none = await compareAs(f.hr.caller, { from: new Date("2026-11-03T00:00:00Z"), blind: false });
    expect(none.rows).toEqual([]);
    expect(none.competencies).toEqual([]);
    const hired = await compareAs(f.hr.caller, { status: "HIRED", blind: false });
    expect(hired.rows).toEqual([]);
  });

  it("shows weights as null when rows mix scripts", async () => {
    const all = await compareAs(f.hr.caller, { blind: false });
    expect(all.rows).toHaveLength(5);
    expect(all.competencies.every((c) => c.weight === null)).toBe(true);
    const byScript = await compareAs(f.hr.caller, { scriptId: f.scripts.admin.scriptId, blind: false });
    expect(byScript.rows.map((r) => r.candidateId).sort()).toEqual(
      [f.candidates.quinn.id, f.candidates.rosa.id].sort(),
    );
    expect(byScript.competencies.map((c) => c.weight)).toEqual([50, 30, 20]);
  });
});

describe("candidateSummary", () => {
  it("gives per-competency statistics, the weighted score and scorecards, drafts left out", async () => {
    const summary = await f.admin.caller.insights.candidateSummary({ candidateId: f.candidates.nora.id, blind: false });
    expect(summary.candidate).toMatchObject({
      label: "Nora Quill",
      email: "nora.quill@example.org",
      phone: "+1 555 0100",
    });
    const emp = summary.competencies.find((c) => c.id === empathy())!;
    expect(emp).toMatchObject({ weight: 50, n: 6, notAssessed: 0, min: 1, max: 4 });
    expect(emp.mean).toBeCloseTo(17 / 6, 10);
    // Sample standard deviation of 1, 3, 3, 3, 3, 4.
    expect(emp.sd).toBeCloseTo(Math.sqrt((1 / 5) * [1, 3, 3, 3, 3, 4].reduce((s, v) => s + (v - 17 / 6) ** 2, 0)), 10);
    expect(summary.weightedScore).toBeCloseTo((50 * (17 / 6) + 30 * (7 / 3) + 20 * (7 / 3)) / 100, 10);
    expect(summary.scorecards).toHaveLength(3);
    expect(summary.scorecards.map((s) => s.panelistName)).not.toContain(f.panelists.dev.name);
    expect(summary.recommendations).toEqual({ STRONG_NO: 0, NO: 1, YES: 1, STRONG_YES: 1 });
  });

  it("flags a 1 vs 3 on one cell as a disagreement, but not a 2 vs 3", async () => {
    const summary = await f.hr.caller.insights.candidateSummary({ candidateId: f.candidates.nora.id, blind: false });
    expect(summary.questions.map((q) => q.number)).toEqual([1, 2, 3]);
    const q1 = summary.questions[0]!;
    expect(q1.competencies[0]).toMatchObject({ id: empathy(), spread: 2, disagreement: true });
    expect(q1.competencies[0]!.ratings.map((r) => r.score).sort()).toEqual([1, 3, 3]);
    const q2 = summary.questions[1]!;
    expect(q2.competencies.find((c) => c.id === ethics())).toMatchObject({ spread: 1, disagreement: false });
    expect(summary.disagreements).toBe(1);
    expect(q1.notes).toHaveLength(1);
    expect(q1.notes[0]!.body).toContain("Nora Quill");
  });

  it("in blind mode uses the stable label and leaves no name, email or phone anywhere, notes included", async () => {
    const summary = await f.hr.caller.insights.candidateSummary({ candidateId: f.candidates.nora.id, blind: true });
    // What travels: the answer as sent, before the page reads it.
    const sent = await f.hr.caller.insights.compare({ vacancyId: f.vacancyId, blind: true });
    const compare = expandComparison(sent);
    const again = await compareAs(f.manager.caller, { candidateIds: [f.candidates.nora.id], blind: true });
    expect(summary.candidate.label).toBe("Candidate A");
    expect(compare.rows.find((r) => r.candidateId === f.candidates.nora.id)!.label).toBe("Candidate A");
    expect(compare.rows.find((r) => r.candidateId === f.candidates.omar.id)!.label).toBe("Candidate B");
    expect(compare.rows.find((r) => r.candidateId === f.candidates.pia.id)!.label).toBe("Candidate C");
    expect(again.rows[0]!.label).toBe("Candidate A");
    expect(summary.candidate).toMatchObject({ email: null, phone: null });
    expect(summary.questions[0]!.notes[0]!.body).toBe(
      "Candidate A called her supervisor at once; Candidate A stayed calm. Reach her on [contact removed].",
    );
    for (const response of [summary, sent]) {
      const text = JSON.stringify(response).toLowerCase();
      for (const secret of ["nora", "quill", "omar", "reyes", "pia sol", "@example.org", "555 01"]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe("who sees what", () => {
  it("HR sees the whole organisation; a hiring manager only the candidates of their vacancy and scripts", async () => {
    const hrAll = await compareAs(f.hr.caller, { blind: false });
    expect(hrAll.rows).toHaveLength(5);
    const managerAll = await compareAs(f.manager.caller, { blind: false });
    expect(managerAll.rows.map((r) => r.candidateId).sort()).toEqual(
      [f.candidates.nora.id, f.candidates.omar.id, f.candidates.pia.id].sort(),
    );
    expect(await codeOf(f.manager.caller.insights.candidateSummary({ candidateId: f.candidates.quinn.id, blind: false }))).toBe(
      "NOT_FOUND",
    );
    const secondManager = await compareAs(f.otherManager.caller, { blind: false });
    expect(secondManager.rows).toEqual([]);
    const scopes = await f.manager.caller.insights.scopes();
    expect(scopes.vacancies).toEqual([{ id: f.vacancyId, title: "Crisis Worker", status: "OPEN", stages: [{ id: f.stageId, name: "Interview" }] }]);
    const hrScopes = await f.hr.caller.insights.scopes();
    expect(hrScopes.vacancies.map((v) => v.title)).toEqual(["Crisis Worker", "Peer Support Worker"]);
    expect(scopes.scripts.map((s) => s.id)).toEqual([f.scripts.manager.scriptId]);
    expect(scopes.interviewers.map((i) => i.userId).sort()).toEqual(
      [f.panelists.ada.userId, f.panelists.ben.userId, f.panelists.cleo.userId].sort(),
    );
  });

  it("interviewers may not compare or read summaries", async () => {
    const { caller } = f.panelists.ada;
    expect(await codeOf(caller.insights.compare({ blind: false }))).toBe("FORBIDDEN");
    expect(await codeOf(caller.insights.candidateSummary({ candidateId: f.candidates.nora.id, blind: false }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(caller.insights.scopes())).toBe("FORBIDDEN");
  });

  it("another organisation's candidate is NOT_FOUND", async () => {
    expect(await codeOf(f.hr.caller.insights.candidateSummary({ candidateId: f.candidates.foreign.id, blind: false }))).toBe(
      "NOT_FOUND",
    );
    const { rows } = await compareAs(f.hr.caller, { candidateIds: [f.candidates.foreign.id], blind: false });
    expect(rows).toEqual([]);
  });
});

describe("calibration", () => {
  it("shows the lenient panelist a positive offset of one point and the others negative ones", async () => {
    const result = await f.hr.caller.insights.calibration({ scriptId: f.scripts.manager.scriptId });
    const byId = new Map(result.panelists.map((p) => [p.userId, p]));
    expect(result.panelists).toHaveLength(3);
    expect(byId.get(f.panelists.cleo.userId)!.leniencyOffset).toBeCloseTo(1, 10);
    expect(byId.get(f.panelists.ada.userId)!.leniencyOffset).toBeLessThan(0);
    expect(byId.get(f.panelists.ben.userId)!.leniencyOffset).toBeLessThan(0);
    const ada = byId.get(f.panelists.ada.userId)!;
    expect(ada).toMatchObject({
      scorecards: 3,
      distribution: { "1": 2, "2": 5, "3": 4, "4": 0, notAssessed: 1 },
      medianHoursToSubmit: 2,
      submittedAfter24h: 0,
    });
    expect(ada.meanRating).toBeCloseTo(24 / 11, 10);
    expect(byId.get(f.panelists.cleo.userId)).toMatchObject({ medianHoursToSubmit: 30, submittedAfter24h: 3 });
    expect(byId.has(f.panelists.dev.userId)).toBe(false);
  });

  it("gives alpha = 1 when every panelist gives the same, varied scores", async () => {
    const result = await f.admin.caller.insights.calibration({ scriptId: f.scripts.admin.scriptId });
    expect(result.overall.alpha).toBeCloseTo(1, 10);
    expect(result.overall.reading).toBe("reliable");
    expect(result.competencies).toHaveLength(3);
    for (const c of result.competencies) expect(c.alpha).toBeCloseTo(1, 10);
    const disagreeing = await f.admin.caller.insights.calibration({ scriptId: f.scripts.manager.scriptId });
    expect(disagreeing.overall.alpha).toBeLessThan(1);
  });

  it("shows an interviewer only their own row and no per-competency agreement", async () => {
    const result = await f.panelists.ben.caller.insights.calibration({ scriptId: f.scripts.manager.scriptId });
    expect(result.panelists.map((p) => p.userId)).toEqual([f.panelists.ben.userId]);
    expect(result.panelists[0]!.leniencyOffset).toBeLessThan(0);
    expect(result.competencies).toEqual([]);
    const text = JSON.stringify(result);
    expect(text).not.toContain(f.panelists.ada.name);
    expect(text).not.toContain(f.panelists.cleo.name);
  });
});

/** The CSV text read back with csv-parse. */
const rowsOf = (csv: string): string[][] => parse(csv, { bom: true });

describe("CSV exports", () => {

  it("comparison: header, rows in compare's order, numbers to 2 decimals", async () => {
    const hr = actor(f.hr.userId, "HR");
    const csv = await comparisonCsv(db(), hr, { vacancyId: f.vacancyId, blind: false });
    const [header, ...rows] = rowsOf(csv);
    const compare = await compareAs(f.hr.caller, { vacancyId: f.vacancyId, blind: false });
    expect(header).toEqual([
      "candidate",
      "vacancy",
      "status",
      "latest_outcome",
      "latest_outcome_stage",
      "interviews",
      "scorecards",
      "weighted_score",
      ...compare.competencies.flatMap((c) => [`${c.name} mean`, `${c.name} n`]),
      "strong_no",
      "no",
      "yes",
      "strong_yes",
      "decision_next_stage",
      "decision_rationale",
      "decision_is_override",
      "decision_override_justification",
      "decided_by",
      "decided_at",
    ]);
    expect(rows.map((r) => r[0])).toEqual(compare.rows.map((r) => r.label));
    // Undecided: at the plan's one stage, no decision columns.
    expect(rows[1]).toEqual([
      "Nora Quill", "Crisis Worker", "ACTIVE", "", "Interview", "1", "3", "2.58", "2.83", "6", "2.33", "3", "2.33", "3", "0", "1", "1", "1",
      "", "", "", "", "", "",
    ]);
    expect(rows[0]!.slice(-10, -6)).toEqual(["0", "0", "2", "1"]);
  });

  it("ratings: one row per submitted rating; blind exports carry labels and no names", async () => {
    const hr = actor(f.hr.userId, "HR");
    const open = rowsOf(await ratingsCsv(db(), hr, { vacancyId: f.vacancyId, blind: false }));
    expect(open[0]).toEqual([
      "candidate",
      "interview_date",
      "panelist",
      "question_number",
      "question",
      "competency",
      "score",
      "not_assessed",
      "note",
      "decision_outcome",
      "decision_stage",
      "decision_next_stage",
      "decision_rationale",
      "decision_is_override",
      "decision_override_justification",
      "decided_by",
      "decided_at",
      "panelist_strand",
      "scorecard_assisted",
      "supporter_name",
    ]);
    // Three candidates × three submitted scorecards × four cells; the draft is left out.
    expect(open).toHaveLength(1 + 36);
    expect(open.filter((r) => r[7] === "yes")).toHaveLength(1);

    const blind = await ratingsCsv(db(), hr, { vacancyId: f.vacancyId, blind: true });
    const blindCompare = await comparisonCsv(db(), hr, { vacancyId: f.vacancyId, blind: true });
    for (const text of [blind, blindCompare]) {
      for (const secret of ["Nora", "Quill", "Omar", "Reyes", "Pia Sol", "@example.org", "555 01"]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(rowsOf(blind).slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(["Candidate A", "Candidate B", "Candidate C"]));
    expect(blind).toContain("Candidate A called her supervisor");
  });

  it("guards against formula injection", async () => {
    expect(guardCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(guardCell("+1 555")).toBe("'+1 555");
    expect(guardCell("-2")).toBe("'-2");
    expect(guardCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardCell("Fine")).toBe("Fine");
    const card = await db().scorecard.findFirstOrThrow({
      where: { interviewId: f.noraInterview, panelistId: f.panelists.ben.userId },
    });
    await db().scorecardNote.create({
      data: { scorecardId: card.id, itemId: f.scripts.manager.items[1]!.id, body: "=cmd|' /C calc'!A0" },
    });
    const csv = await ratingsCsv(db(), actor(f.hr.userId, "HR"), { vacancyId: f.vacancyId, blind: false });
    const notes = rowsOf(csv).map((r) => r[8]);
    expect(notes).toContain("'=cmd|' /C calc'!A0");
    expect(notes.some((n) => n?.startsWith("="))).toBe(false);
  });

  it("refuses roles without insights:read", async () => {
    await expect(ratingsCsv(db(), actor(f.panelists.ada.userId, "INTERVIEWER"), { blind: false })).rejects.toThrow(
      /does not allow/,
    );
    await expect(comparisonCsv(db(), actor(f.panelists.ada.userId, "INTERVIEWER"), { blind: false })).rejects.toThrow(
      /does not allow/,
    );
  });
});

describe("blind labels", () => {
  it("count A…Z, then AA, AB", () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(letterSequence)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
    expect(blindLabel(3)).toBe("Candidate C");
  });

  it("replace the full name and each part, case-insensitively, on word boundaries", () => {
    const identity = { name: "Ana Lee", email: "ana@x.org", phone: null };
    expect(redactCandidate("ANA LEE said; ana agreed. Banana, Leeds. ana@x.org", identity, "Candidate B")).toBe(
      "Candidate B said; Candidate B agreed. Banana, Leeds. [contact removed]",
    );
  });
});
