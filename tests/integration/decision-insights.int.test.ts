// Decisions where they matter in insights, on hand-computed data: the comparison's stage filter (figures from
// that stage's interviews, scored with the stage's weights) and Latest outcome column, the CSV exports with
// each candidate's latest decision and its reasons, and insights.decisions (overrides, override rate and time
// to decision per decider and vacancy, conversion by stage of a filled vacancy), each under the access rule.
// Debriefs and decisions are written straight into the database (see recordDebrief).
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { parseExportFilters } from "@/app/api/export/export-request";
import { cellAt } from "@/lib/insights/comparison-cells";
import type { Comparison } from "@/lib/insights/comparison-wire";
import { db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { comparisonCsvAsShown } from "@/server/services/insights/comparison-csv-as-shown";
import { comparisonCsv, ratingsCsv } from "@/server/services/insights/export-csv";
import { callerFor, candidateData, createOrganization, unique } from "./factories";
import { addMember, compareAs, interviewWithScores, publishedScript, recordDebrief } from "./insights-factories";
import { codeOf } from "./script-factories";

/** The scorecards' interview ends at 2026-11-02 11:00 UTC; submissions are counted in hours after that. */
const END = Date.parse("2026-11-02T11:00:00Z");
const at = (hoursAfterEnd: number) => new Date(END + hoursAfterEnd * 3_600_000);

const NORA_RATIONALE = "Empathy: Nora calmed the caller in both exercises and ethics held under pressure.";
const OMAR_RATIONALE = "Ethics: answers stayed general; no example of escalating a safeguarding concern.";
const OMAR_JUSTIFICATION = "Ranked above Pia on the formula, but a reference raised a safeguarding concern.";

/**
 * A filled vacancy "Support Worker" (managed by the hiring manager) with stages Screening call and Panel
 * interview (the latter weighing empathy alone), panelists Ada and Ben on every interview:
 * - Nora: all 2s at the screening call, advanced (manager, 6 h after the last scorecard), then at the panel
 *   interview empathy 4, 4 / 4, 2 and ethics 3 / 3, appointed there (admin, 24 h after); an HR member sits
 *   on the panel interview's panel without having submitted;
 * - Omar: all 3s at the screening call, rejected there as an override (manager, 10 h after);
 * - Pia: all 1s at the screening call, undecided.
 * An open vacancy "Peer Support" of a second hiring manager, with Quinn rejected there as an override
 * before any scorecard.
 */
async function decisionsWorld() {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR"]);
  const admin = { userId: members.ADMIN.userId, caller: callerFor(members.ADMIN.userId) };
  const manager = { userId: members.HIRING_MANAGER.userId, caller: callerFor(members.HIRING_MANAGER.userId) };
  const hr = { userId: members.HR.userId, caller: callerFor(members.HR.userId) };
  const otherManager = await addMember(org.id, "Other Manager", "HIRING_MANAGER");
  const hrOnPanel = await addMember(org.id, "HR Panelist", "HR");
  const interviewer = await addMember(org.id, "Ivy Interviewer", "INTERVIEWER");
  const ada = await addMember(org.id, `Ada Panelist ${unique("a")}`, "INTERVIEWER");
  const ben = await addMember(org.id, `Ben Panelist ${unique("b")}`, "INTERVIEWER");
  const script = await publishedScript(manager.caller, "Support Worker");
  const empathy = script.cells[0]!.competencyId;
  const ethics = script.cells[1]!.competencyId;

  const vacancy = await db().vacancy.create({
    data: {
      orgId: org.id,
      title: unique("Support Worker"),
      status: "FILLED",
      managers: { create: [{ userId: manager.userId }] },
      stages: {
        create: [
          { position: 1, name: "Screening call", scriptVersionId: script.versionId },
          { position: 2, name: "Panel interview", scriptVersionId: script.versionId, weights: { create: [{ competencyId: empathy, weight: 100 }] } },
        ],
      },
    },
    select: { id: true, title: true, stages: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  const [screening, panel] = vacancy.stages as [{ id: string }, { id: string }];
  const candidate = async (name: string, stageId: string, minute: number, status: "ACTIVE" | "HIRED" | "REJECTED" = "ACTIVE") =>
    db().candidate.create({
      data: await candidateData(org.id, {
        name,
        vacancyId: vacancy.id,
        stageId,
        status,
        createdAt: new Date(Date.UTC(2026, 9, 1, 9, minute)),
      }),
    });
  const nora = await candidate("Nora Quill", panel.id, 0, "HIRED");
  const omar = await candidate("Omar Reyes", screening.id, 1, "REJECTED");
  const pia = await candidate("Pia Sol", screening.id, 2);

  const twos = [2, 2, 2, 2] as const;
  await interviewWithScores(org.id, { id: nora.id, stageId: screening.id }, script, [
    { panelistId: ada.userId, scores: [...twos] },
    { panelistId: ben.userId, scores: [...twos], submittedHoursAfterEnd: 4 },
  ]);
  const noraPanelInterview = await interviewWithScores(
    org.id,
    { id: nora.id, stageId: panel.id },
    script,
    [
      { panelistId: ada.userId, scores: [4, 3, 4, 1], submittedHoursAfterEnd: 20 },
      { panelistId: ben.userId, scores: [4, 3, 2, 1], submittedHoursAfterEnd: 30 },
    ],
    new Date("2026-11-03T10:00:00Z"),
  );
  await db().panelMember.create({ data: { interviewId: noraPanelInterview, userId: hrOnPanel.userId } });
  await interviewWithScores(org.id, { id: omar.id, stageId: screening.id }, script, [
    { panelistId: ada.userId, scores: [3, 3, 3, 3] },
    { panelistId: ben.userId, scores: [3, 3, 3, 3] },
  ]);
  await interviewWithScores(org.id, { id: pia.id, stageId: screening.id }, script, [
    { panelistId: ada.userId, scores: [1, 1, 1, 1] },
    { panelistId: ben.userId, scores: [1, 1, 1, 1] },
  ]);

  // Last screening scorecards: Nora's at +4 h, Omar's at +2 h; Nora's panel interview's at +30 h.
  await recordDebrief({
    orgId: org.id,
    candidateId: nora.id,
    stageId: screening.id,
    decision: { outcome: "ADVANCE", nextStageId: panel.id, rationale: "Empathy: steady throughout.", decidedById: manager.userId, decidedAt: at(10) },
  });
  await recordDebrief({
    orgId: org.id,
    candidateId: omar.id,
    stageId: screening.id,
    decision: {
      outcome: "REJECT",
      rationale: OMAR_RATIONALE,
      overrideJustification: OMAR_JUSTIFICATION,
      decidedById: manager.userId,
      decidedAt: at(12),
    },
  });
  await recordDebrief({
    orgId: org.id,
    candidateId: nora.id,
    stageId: panel.id,
    decision: { outcome: "APPOINT", rationale: NORA_RATIONALE, decidedById: admin.userId, decidedAt: at(54) },
  });

  const peer = await db().vacancy.create({
    data: {
      orgId: org.id,
      title: unique("Peer Support"),
      managers: { create: [{ userId: otherManager.userId }] },
      stages: { create: [{ position: 1, name: "Conversation", scriptVersionId: script.versionId }] },
    },
    select: { id: true, title: true, stages: { select: { id: true } } },
  });
  const quinn = await db().candidate.create({
    data: await candidateData(org.id, { name: "Quinn Ortega", vacancyId: peer.id, stageId: peer.stages[0]!.id, status: "REJECTED" }),
  });
  await recordDebrief({
    orgId: org.id,
    candidateId: quinn.id,
    stageId: peer.stages[0]!.id,
    openedEarlyReason: "Withdrew her right to work; no panel needed.",
    decision: {
      outcome: "REJECT",
      rationale: "Empathy could not be assessed.",
      overrideJustification: "Rejected without scores: no right to work.",
      decidedById: otherManager.userId,
      decidedAt: at(1),
    },
  });

  return {
    org,
    admin,
    manager,
    hr,
    otherManager,
    hrOnPanel,
    interviewer,
    vacancy: { ...vacancy, screeningId: screening.id, panelId: panel.id },
    peer,
    competencies: { empathy, ethics },
    candidates: { nora, omar, pia, quinn },
  };
}

let w: Awaited<ReturnType<typeof decisionsWorld>>;
beforeAll(async () => {
  w = await decisionsWorld();
});

const rowOf = (result: Comparison, candidateId: string) => result.rows.find((r) => r.candidateId === candidateId)!;
const cellOf = (result: Comparison, candidateId: string, competencyId: string) =>
  cellAt(rowOf(result, candidateId), result.competencies.findIndex((c) => c.id === competencyId));
const actorOf = (userId: string, role: Actor["role"]): Actor => ({ userId, orgId: w.org.id, role });
const rowsOf = (csv: string): string[][] => parse(csv, { bom: true });

describe("the comparison's stage filter", () => {
  it("lists only candidates interviewed at the stage, with that stage's figures scored by its own weights", async () => {
    const atPanel = await compareAs(w.hr.caller, { vacancyId: w.vacancy.id, stageId: w.vacancy.panelId, blind: false });
    expect(atPanel.rows.map((r) => r.label)).toEqual(["Nora Quill"]);
    const nora = rowOf(atPanel, w.candidates.nora.id);
    expect(nora).toMatchObject({ interviews: 1, scorecards: 2 });
    // Empathy at the panel interview: 4, 4 (Ada) and 4, 2 (Ben); ethics 3 and 3. The stage weighs empathy alone.
    expect(cellOf(atPanel, nora.candidateId, w.competencies.empathy)).toEqual({ mean: 3.5, n: 4, notAssessed: 0 });
    expect(cellOf(atPanel, nora.candidateId, w.competencies.ethics)).toEqual({ mean: 3, n: 2, notAssessed: 0 });
    expect(nora.weightedScore).toBeCloseTo(3.5, 10);
    expect(atPanel.competencies.find((c) => c.id === w.competencies.empathy)?.weight).toBe(100);

    const atScreening = await compareAs(w.hr.caller, { vacancyId: w.vacancy.id, stageId: w.vacancy.screeningId, blind: false });
    expect(atScreening.rows.map((r) => r.label)).toEqual(["Omar Reyes", "Nora Quill", "Pia Sol"]);
    // Nora's screening figures alone (all 2s), under the script's weights.
    expect(rowOf(atScreening, w.candidates.nora.id)).toMatchObject({ interviews: 1, scorecards: 2, weightedScore: 2 });

    // The stage read from the candidates' insight rows where it can be equals the stage grouped from its
    // scorecards (a date filter that includes everything forces the grouping).
    const allTime = { from: new Date("2000-01-01T00:00:00Z"), to: new Date("2100-01-01T00:00:00Z") };
    for (const stageId of [w.vacancy.screeningId, w.vacancy.panelId]) {
      for (const caller of [w.hr.caller, w.hrOnPanel.caller]) {
        const input = { vacancyId: w.vacancy.id, stageId, blind: false };
        expect(await compareAs(caller, input)).toEqual(await compareAs(caller, { ...input, ...allTime }));
      }
    }

    // Without the filter, both of Nora's interviews count.
    const whole = await compareAs(w.hr.caller, { vacancyId: w.vacancy.id, blind: false });
    expect(rowOf(whole, w.candidates.nora.id)).toMatchObject({ interviews: 2, scorecards: 4 });
    expect(cellOf(whole, w.candidates.nora.id, w.competencies.empathy)).toMatchObject({ mean: (4 * 2 + 14) / 8, n: 8 });
  });

  it("offers the vacancy's stages in plan order", async () => {
    const scopes = await w.hr.caller.insights.scopes();
    expect(scopes.vacancies.find((v) => v.id === w.vacancy.id)).toEqual({
      id: w.vacancy.id,
      title: w.vacancy.title,
      status: "FILLED",
      stages: [
        { id: w.vacancy.screeningId, name: "Screening call" },
        { id: w.vacancy.panelId, name: "Panel interview" },
      ],
    });
  });

  it("is read from the export's URL (vacancy=, stage=)", () => {
    const parsed = parseExportFilters(new URL(`http://localhost/api/export/comparison?vacancy=${w.vacancy.id}&stage=${w.vacancy.panelId}&blind=1`));
    expect(parsed).toEqual({ ok: true, filters: expect.objectContaining({ vacancyId: w.vacancy.id, stageId: w.vacancy.panelId, blind: true }) });
  });
});

describe("the Latest outcome column", () => {
  it("shows each candidate's most recent decision and its stage, or where an undecided one waits", async () => {
    const result = await compareAs(w.hr.caller, { vacancyId: w.vacancy.id, blind: false });
    expect(rowOf(result, w.candidates.nora.id)).toMatchObject({ outcome: "APPOINT", outcomeStage: "Panel interview" });
    expect(rowOf(result, w.candidates.omar.id)).toMatchObject({ outcome: "REJECT", outcomeStage: "Screening call" });
    expect(rowOf(result, w.candidates.pia.id)).toMatchObject({ outcome: null, outcomeStage: "Screening call" });
    // The same through the filtered path (grouped from the scorecards rather than the candidate insights).
    const atScreening = await compareAs(w.hr.caller, { vacancyId: w.vacancy.id, stageId: w.vacancy.screeningId, blind: false });
    expect(rowOf(atScreening, w.candidates.nora.id)).toMatchObject({ outcome: "APPOINT", outcomeStage: "Panel interview" });
  });

  it("follows the access rule: a pending seat at the stage hides the decision, whatever the role", async () => {
    const manager = await compareAs(w.manager.caller, { vacancyId: w.vacancy.id, blind: false });
    expect(rowOf(manager, w.candidates.nora.id)).toMatchObject({ outcome: "APPOINT", outcomeStage: "Panel interview" });
    // On Nora's panel interview panel without a scorecard: her appointment there is hidden, the latest
    // decision this reader may see is the screening call's.
    const seated = await compareAs(w.hrOnPanel.caller, { vacancyId: w.vacancy.id, blind: false });
    expect(rowOf(seated, w.candidates.nora.id)).toMatchObject({ outcome: "ADVANCE", outcomeStage: "Screening call", scorecards: 2 });
    expect(rowOf(seated, w.candidates.omar.id)).toMatchObject({ outcome: "REJECT" });
    // The second manager neither manages the vacancy nor wrote its script: no rows at all.
    expect((await compareAs(w.otherManager.caller, { vacancyId: w.vacancy.id, blind: false })).rows).toEqual([]);
  });
});

describe("CSV exports with decisions", () => {
  it("carry the latest decision's outcome, stage, rationale, override and justification, decider and date", async () => {
    const hr = actorOf(w.hr.userId, "HR");
    const [header, ...rows] = rowsOf(await comparisonCsv(db(), hr, { vacancyId: w.vacancy.id, blind: false }));
    const column = (name: string) => header!.indexOf(name);
    const byName = new Map(rows.map((r) => [r[0], r]));
    const fields = ["latest_outcome", "latest_outcome_stage", "decision_rationale", "decision_is_override", "decision_override_justification", "decided_by", "decided_at"];
    const pick = (name: string) => fields.map((f) => byName.get(name)![column(f)]);
    expect(pick("Nora Quill")).toEqual(["APPOINT", "Panel interview", NORA_RATIONALE, "no", "", "ADMIN person", at(54).toISOString()]);
    expect(pick("Omar Reyes")).toEqual(["REJECT", "Screening call", OMAR_RATIONALE, "yes", OMAR_JUSTIFICATION, "HIRING_MANAGER person", at(12).toISOString()]);
    expect(pick("Pia Sol")).toEqual(["", "Screening call", "", "", "", "", ""]);

    const [shownHeader, ...shown] = rowsOf(await comparisonCsvAsShown(db(), hr, { vacancyId: w.vacancy.id, blind: false }));
    const shownColumn = (name: string) => shownHeader!.indexOf(name);
    const omar = shown.find((r) => r[0] === "Omar Reyes")!;
    expect(
      ["Latest outcome", "Decision rationale", "Override of the formula", "Override justification", "Decided by", "Decided on"].map(
        (name) => omar[shownColumn(name)],
      ),
    ).toEqual(["Rejected (Screening call)", OMAR_RATIONALE, "Yes", OMAR_JUSTIFICATION, "HIRING_MANAGER person", "2026-11-02"]);
    expect(shown.find((r) => r[0] === "Pia Sol")![shownColumn("Latest outcome")]).toBe("Awaiting decision (Screening call)");

    // The ratings export carries each candidate's latest decision on every one of their rows.
    const [ratingsHeader, ...ratingRows] = rowsOf(await ratingsCsv(db(), hr, { vacancyId: w.vacancy.id, blind: false }));
    const ratingColumn = (name: string) => ratingsHeader!.indexOf(name);
    const omarRows = ratingRows.filter((r) => r[0] === "Omar Reyes");
    expect(omarRows.length).toBeGreaterThan(0);
    for (const r of omarRows) {
      expect(["decision_outcome", "decision_stage", "decision_rationale", "decision_is_override", "decision_override_justification"].map((f) => r[ratingColumn(f)])).toEqual([
        "REJECT",
        "Screening call",
        OMAR_RATIONALE,
        "yes",
        OMAR_JUSTIFICATION,
      ]);
    }
  });

  it("write the blind label for the candidate's name in a rationale, and leave out what the access rule hides", async () => {
    const blind = await comparisonCsv(db(), actorOf(w.hr.userId, "HR"), { vacancyId: w.vacancy.id, blind: true });
    expect(blind).not.toContain("Nora");
    expect(blind).toContain("Empathy: Candidate A calmed the caller in both exercises");
    // Omar's justification names Pia, who is undecided: her label stands in for her name too.
    expect(blind).not.toContain("Pia");
    expect(blind).toContain("Ranked above Candidate C on the formula");

    const seated = await comparisonCsvAsShown(db(), actorOf(w.hrOnPanel.userId, "HR"), { vacancyId: w.vacancy.id, blind: false });
    expect(seated).toContain(OMAR_JUSTIFICATION);
    expect(seated).toContain("Empathy: steady throughout.");
    expect(seated).not.toContain(NORA_RATIONALE);
    expect(seated).not.toContain("Appointed");
  });
});

describe("insights.decisions", () => {
  const figures = (decisions: number, overrides: number, medianHoursToDecision: number | null) => ({
    decisions,
    overrides,
    overrideRate: decisions === 0 ? null : overrides / decisions,
    medianHoursToDecision,
  });

  it("gives HR every decider and vacancy, with medians from the stage's last scorecard and the filled vacancy's conversion", async () => {
    const result = await w.hr.caller.insights.decisions();
    expect(result.deciders).toEqual([
      // Nora appointed 24 h after her panel interview's last scorecard.
      { userId: w.admin.userId, name: "ADMIN person", ...figures(1, 0, 24) },
      // Nora advanced 6 h, Omar rejected (an override) 10 h after their screening's last scorecard.
      { userId: w.manager.userId, name: "HIRING_MANAGER person", ...figures(2, 1, 8) },
      // Quinn was rejected before any scorecard: no time to measure.
      { userId: w.otherManager.userId, name: "Other Manager", ...figures(1, 1, null) },
    ]);
    const support = result.vacancies.find((v) => v.vacancyId === w.vacancy.id);
    expect(support).toEqual({
      vacancyId: w.vacancy.id,
      title: w.vacancy.title,
      status: "FILLED",
      managers: ["HIRING_MANAGER person"],
      ...figures(3, 1, 10),
      conversion: [
        { stageId: w.vacancy.screeningId, name: "Screening call", reached: 3, advanced: 1, appointed: 0 },
        { stageId: w.vacancy.panelId, name: "Panel interview", reached: 1, advanced: 0, appointed: 1 },
      ],
    });
    expect(result.vacancies.find((v) => v.vacancyId === w.peer.id)).toEqual({
      vacancyId: w.peer.id,
      title: w.peer.title,
      status: "OPEN",
      managers: ["Other Manager"],
      ...figures(1, 1, null),
      conversion: null,
    });
  });

  it("gives a hiring manager the vacancies they manage only, and hides decisions behind a pending seat", async () => {
    const manager = await w.manager.caller.insights.decisions();
    expect(manager.vacancies.map((v) => v.vacancyId)).toEqual([w.vacancy.id]);
    expect(manager.deciders.map((d) => [d.name, d.decisions])).toEqual([
      ["ADMIN person", 1],
      ["HIRING_MANAGER person", 2],
    ]);
    const other = await w.otherManager.caller.insights.decisions();
    expect(other.vacancies.map((v) => v.vacancyId)).toEqual([w.peer.id]);
    expect(other.deciders.map((d) => d.name)).toEqual(["Other Manager"]);

    // On Nora's panel interview panel without a scorecard: her appointment there is not counted.
    const seated = await w.hrOnPanel.caller.insights.decisions();
    expect(seated.vacancies.find((v) => v.vacancyId === w.vacancy.id)).toMatchObject(figures(2, 1, 8));
    expect(seated.deciders.map((d) => d.name)).toEqual(["HIRING_MANAGER person", "Other Manager"]);
    expect(await codeOf(w.interviewer.caller.insights.decisions())).toBe("FORBIDDEN");
  });
});
