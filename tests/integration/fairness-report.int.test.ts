// The fairness report on a hand-built world: 35 candidates of one vacancy with two stages, their screening
// decisions and ratings written straight into the database, and equal-opportunities answers encrypted as the
// form stores them. The figures are worked out by hand (and Fisher's p with SciPy) in the comments.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { MonitoringAnswers } from "@/lib/monitoring/categories";
import { db } from "@/server/db";
import { encryptMonitoringAnswers } from "@/server/security/monitoring-crypto";
import { fairnessReportCsv } from "@/server/services/monitoring/fairness-report-csv";
import { DEMO_FAIRNESS_VACANCY_TITLE, seedDemoFairness } from "@/server/services/seed/seed-demo-fairness";
import { callerFor, createOrganization, unique } from "./factories";
import { addMember, versionCells } from "./debrief-factories";
import { createScriptWithContent } from "./script-factories";

type Plan = { sex?: string; age?: string; screening: "ADVANCE" | "REJECT"; score: number };

/**
 * Sex: female 15 (5 advanced, rated 2,2,1,3,2 in turn), male 15 (10 advanced, rated 3,3,4,2,3), prefer not to
 * say 3 (2 advanced), no answer at all 2 (1 advanced); everyone else rated 3.
 * Age: 25-34 19, 35-44 12, 45-54 2, no answer 2.
 */
function plans(): Plan[] {
  const out: Plan[] = [];
  const cycle = (list: number[], i: number) => list[i % list.length]!;
  const ages = [...Array<string>(19).fill("25_34"), ...Array<string>(12).fill("35_44"), "45_54", "45_54"];
  let a = 0;
  for (let i = 0; i < 15; i++) out.push({ sex: "female", age: ages[a++], screening: i < 5 ? "ADVANCE" : "REJECT", score: cycle([2, 2, 1, 3, 2], i) });
  for (let i = 0; i < 15; i++) out.push({ sex: "male", age: ages[a++], screening: i < 10 ? "ADVANCE" : "REJECT", score: cycle([3, 3, 4, 2, 3], i) });
  for (let i = 0; i < 3; i++) out.push({ sex: "prefer_not_to_say", age: ages[a++], screening: i < 2 ? "ADVANCE" : "REJECT", score: 3 });
  out.push({ screening: "ADVANCE", score: 3 }, { screening: "REJECT", score: 3 });
  return out;
}

async function buildWorld() {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"]);
  await db().organization.update({ where: { id: org.id }, data: { monitoringCategories: ["uk_sex", "age_band"], monitoringMinCell: 5 } });
  const manager = callerFor(members.HIRING_MANAGER.userId, org.id);
  const script = await createScriptWithContent(manager);
  const { versionId } = await manager.scripts.publish({ id: script.id, baseUpdatedAt: script.saved.updatedAt });
  const cells = (await versionCells(versionId)).flatMap((q) => q.competencyIds.map((competencyId) => ({ itemId: q.itemId, competencyId })));
  const panelist = await addMember(org.id, "Panelist", "INTERVIEWER");
  const otherManager = await addMember(org.id, "Other manager", "HIRING_MANAGER");
  const vacancy = await db().vacancy.create({
    data: {
      orgId: org.id,
      title: unique("Support Worker"),
      managers: { create: [{ userId: members.HIRING_MANAGER.userId }] },
      stages: { create: [{ position: 1, name: "Screening", scriptVersionId: versionId }, { position: 2, name: "Panel" }] },
    },
    select: { id: true, stages: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  const [screening, panel] = vacancy.stages.map((s) => s.id) as [string, string];
  const list = plans();
  const ids = list.map(() => randomUUID());
  await db().person.createMany({ data: ids.map((id) => ({ id, orgId: org.id })) });
  await db().candidate.createMany({
    data: list.map((p, i) => ({ id: ids[i]!, orgId: org.id, name: `Candidate ${i}`, vacancyId: vacancy.id, personId: ids[i]!, stageId: p.screening === "ADVANCE" ? panel : screening, status: p.screening === "ADVANCE" ? ("ACTIVE" as const) : ("REJECTED" as const) })),
  });
  await db().debrief.createMany({ data: ids.map((id) => ({ id, orgId: org.id, candidateId: id, stageId: screening, status: "CLOSED" as const, closedAt: new Date() })) });
  await db().decision.createMany({
    data: list.map((p, i) => ({ orgId: org.id, debriefId: ids[i]!, candidateId: ids[i]!, stageId: screening, outcome: p.screening, nextStageId: p.screening === "ADVANCE" ? panel : null, rationale: "Decided for the test." })),
  });
  for (const [i, p] of list.entries()) {
    await db().interview.create({
      data: {
        orgId: org.id,
        candidateId: ids[i]!,
        stageId: screening,
        scriptVersionId: versionId,
        scheduledAt: new Date(Date.now() - 86_400_000),
        panel: { create: [{ userId: panelist.userId }] },
        scorecards: {
          create: [{ orgId: org.id, panelistId: panelist.userId, status: "SUBMITTED", submittedAt: new Date(), ratings: { create: cells.map((c) => ({ ...c, score: p.score })) } }],
        },
      },
    });
  }
  const answered = list.flatMap((p, i) => (p.sex ? [{ id: ids[i]!, answers: { uk_sex: { option: p.sex }, age_band: { option: p.age! } } satisfies MonitoringAnswers }] : []));
  await db().monitoringResponse.createMany({
    data: answered.map(({ id, answers }) => {
      const stored = encryptMonitoringAnswers(answers);
      return { orgId: org.id, candidateId: id, keyId: stored.keyId, ciphertext: new Uint8Array(stored.ciphertext) };
    }),
  });
  // A second vacancy with four candidates: too few for any figure.
  const small = await db().vacancy.create({ data: { orgId: org.id, title: unique("Small vacancy"), stages: { create: [{ position: 1, name: "Interview" }] } }, select: { id: true } });
  const smallIds = [1, 2, 3, 4].map(() => randomUUID());
  await db().person.createMany({ data: smallIds.map((id) => ({ id, orgId: org.id })) });
  await db().candidate.createMany({ data: smallIds.map((id, i) => ({ id, orgId: org.id, name: `Small ${i}`, vacancyId: small.id, personId: id })) });
  return {
    org,
    vacancyId: vacancy.id,
    smallVacancyId: small.id,
    hr: { userId: members.HR.userId, caller: callerFor(members.HR.userId, org.id) },
    admin: callerFor(members.ADMIN.userId, org.id),
    manager: { userId: members.HIRING_MANAGER.userId, caller: manager },
    otherManager,
    interviewer: callerFor(members.INTERVIEWER.userId, org.id),
    panelist,
  };
}

let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  w = await buildWorld();
});

const groupsAt = (report: Awaited<ReturnType<typeof w.hr.caller.monitoring.report>>, category: string, stage: string) =>
  Object.fromEntries(report.categories.find((c) => c.key === category)!.stages.find((s) => s.label === stage)!.groups.map((g) => [g.key, g]));

describe("fairness report", () => {
  it("gives each group's selection rate, impact ratio, four-fifths flag and Fisher's p at a stage", async () => {
    const report = await w.hr.caller.monitoring.report({ vacancyId: w.vacancyId });
    expect(report.status).toBe("ok");
    expect(report.candidates).toBe(35);
    const sex = groupsAt(report, "uk_sex", "Screening");
    // Female 5/15 = 0.333, male 10/15 = 0.667: impact ratio 0.5, under four fifths.
    expect(sex.female).toMatchObject({ candidates: 15, decisions: 15, selected: 5, impactRatio: 0.5, fourFifthsFlag: true, suppressed: false });
    expect(sex.female!.rate).toBeCloseTo(1 / 3, 10);
    // Against everyone else decided at the stage (13 of 20 advanced): SciPy fisher_exact([[5,10],[13,7]]) = 0.0922.
    expect(sex.female!.fisherP).toBeCloseTo(0.0922151827, 8);
    expect(sex.male).toMatchObject({ selected: 10, impactRatio: 1, fourFifthsFlag: false });
    expect(sex.male!.fisherP).toBeCloseTo(0.1755831762, 8);
    const flag = report.flags.find((f) => f.kind === "four_fifths" && f.group === "Female")!;
    expect(flag.where).toBe("Screening");
    expect(flag.means).toContain("four-fifths rule of thumb");
    expect(flag.doesNotProve).toMatch(/does not prove/);
    expect(flag.lookAt).toContain("panels");
  });

  it("hides small groups, and one more where a hidden one could be found by subtraction", async () => {
    const report = await w.hr.caller.monitoring.report({ vacancyId: w.vacancyId });
    const sex = groupsAt(report, "uk_sex", "Screening");
    // Prefer not to say (3) and no answer (2) are small; together 5, so nothing else needs hiding.
    expect(sex.prefer_not_to_say).toMatchObject({ suppressed: true, candidates: null, decisions: null, selected: null, rate: null });
    expect(sex.not_answered).toMatchObject({ suppressed: true, candidates: null });
    const age = groupsAt(report, "age_band", "Screening");
    // 45-54 (2) and no answer (2) rest on 4 people together: 35 − 19 would give them away, so 35-44 (12) goes too.
    expect(age["45_54"]).toMatchObject({ suppressed: true, candidates: null });
    expect(age["35_44"]).toMatchObject({ suppressed: true, candidates: null, decisions: null });
    expect(age["25_34"]).toMatchObject({ suppressed: false, candidates: 19 });
    expect(report.suppressedText).toBe("fewer than 5");
    expect(report.suppressionNote).toContain("fewer than 5");
    // At "Panel" (the 18 advanced): prefer not to say (2) and no answer (1) hold 3 people, so female (5) is
    // hidden too; nobody is decided there yet, which is no secret.
    const panel = groupsAt(report, "uk_sex", "Panel");
    expect(panel.male).toMatchObject({ candidates: 10, decisions: 0, selected: null, impactRatio: null });
    expect(panel.female).toMatchObject({ suppressed: true, candidates: null });
  });

  it("compares mean ratings per competency and question with Hedges' g and its interval, flagging a clear gap", async () => {
    const report = await w.hr.caller.monitoring.report({ vacancyId: w.vacancyId });
    const sex = report.categories.find((c) => c.key === "uk_sex")!;
    const empathy = sex.competencies.find((c) => c.label === "Empathy")!;
    const female = empathy.groups.find((g) => g.key === "female")!;
    // Female mean 2 (2,2,1,3,2 ×3), everyone else 3 on average: g well below zero, interval too.
    expect(female.mean).toBeCloseTo(2, 10);
    expect(female.g!).toBeLessThan(-0.8);
    expect(female.ciHigh!).toBeLessThan(0);
    expect(female.flagged).toBe(true);
    expect(sex.questions.length).toBeGreaterThanOrEqual(2);
    expect(sex.questions.every((q) => q.groups.find((g) => g.key === "female")!.flagged)).toBe(true);
    expect(report.flags.some((f) => f.kind === "score_gap" && f.where === "Empathy" && f.group === "Female")).toBe(true);
    // The hidden age groups stay hidden here too.
    const ageEmpathy = report.categories.find((c) => c.key === "age_band")!.competencies.find((c) => c.label === "Empathy")!;
    expect(ageEmpathy.groups.find((g) => g.key === "35_44")).toMatchObject({ suppressed: true, mean: null, g: null });
  });

  it("leaves out, for a reader seated on a panel they have not submitted, that candidate's figures until they do", async () => {
    // An HR member on a panel of candidate 2 (female, rated 1): the independence rule withholds the panel's
    // ratings and the decision on that candidate from them, so the report's figures do too.
    const seated = await addMember(w.org.id, "HR on a panel", "HR");
    const candidate = await db().candidate.findFirstOrThrow({ where: { vacancyId: w.vacancyId, name: "Candidate 2" }, select: { id: true } });
    const interview = await db().interview.findFirstOrThrow({ where: { candidateId: candidate.id }, select: { id: true } });
    await db().panelMember.create({ data: { interviewId: interview.id, userId: seated.userId } });
    const femaleEmpathy = (report: Awaited<ReturnType<typeof w.hr.caller.monitoring.report>>) =>
      report.categories.find((c) => c.key === "uk_sex")!.competencies.find((c) => c.label === "Empathy")!.groups.find((g) => g.key === "female")!;

    const pending = await seated.caller.monitoring.report({ vacancyId: w.vacancyId });
    expect(pending.candidates).toBe(34);
    expect(groupsAt(pending, "uk_sex", "Screening").female).toMatchObject({ candidates: 14, decisions: 14 });
    expect(femaleEmpathy(pending)).toMatchObject({ n: 14 });
    expect(femaleEmpathy(pending).mean).toBeCloseTo(29 / 14, 10);

    await db().scorecard.create({ data: { orgId: w.org.id, interviewId: interview.id, panelistId: seated.userId, status: "SUBMITTED", submittedAt: new Date() } });
    const submitted = await seated.caller.monitoring.report({ vacancyId: w.vacancyId });
    expect(submitted.candidates).toBe(35);
    expect(femaleEmpathy(submitted)).toMatchObject({ n: 15, mean: femaleEmpathy(await w.hr.caller.monitoring.report({ vacancyId: w.vacancyId })).mean });
  });

  it("keeps the suppression in the CSV export", async () => {
    const hrActor = { userId: w.hr.userId, orgId: w.org.id, role: "HR" as const };
    const csv = await fairnessReportCsv(db(), hrActor, { vacancyId: w.vacancyId });
    const rows = parse(csv) as string[][];
    expect(rows[0]![0]).toBe("section");
    expect(rows[1]![16]).toContain("fewer than 5");
    const ageRow = rows.find((r) => r[0] === "stage" && r[1] === "Age band" && r[2] === "Screening" && r[3] === "35 to 44")!;
    expect(ageRow.slice(4, 8)).toEqual(["fewer than 5", "fewer than 5", "fewer than 5", "fewer than 5"]);
    const female = rows.find((r) => r[0] === "stage" && r[1] === "Sex (UK)" && r[2] === "Screening" && r[3] === "Female")!;
    expect(female.slice(4, 11)).toEqual(["15", "15", "5", "0.333", "0.500", "yes", "0.0922"]);
    expect(rows.some((r) => r[0] === "flag" && r[16]!.includes("does not prove"))).toBe(true);
    // In Spanish the header row and the prose (notes and readings, the last column) change; the data cells do not (issue 23).
    const [header, ...spanishRows] = parse(await fairnessReportCsv(db(), hrActor, { vacancyId: w.vacancyId }, "es")) as string[][];
    expect(header!.slice(0, 4)).toEqual(["seccion", "categoria", "fase_competencia_o_pregunta", "grupo"]);
    const cells = (r: string[]) => r.slice(0, 16);
    expect(spanishRows.map(cells)).toEqual(rows.slice(1).map(cells));
    expect(spanishRows[0]![16]).toContain("«menos de 5»");
    const spanishFlag = spanishRows.find((r) => r[0] === "flag" && r[16]!.startsWith("Screening: grupo «Mujer» seleccionado al 33\u00a0%, 0,50 de la tasa"))!;
    expect(spanishFlag[16]).toContain("No demuestra que la fase sea injusta");
  });

  it("refuses panelists, interviewers and hiring managers unless the organisation grants it, and then only their vacancies", async () => {
    await expect(w.interviewer.monitoring.report({ vacancyId: w.vacancyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(w.panelist.caller.monitoring.report({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(w.manager.caller.monitoring.report({ vacancyId: w.vacancyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db().organization.update({ where: { id: w.org.id }, data: { monitoringReportForManagers: true } });
    try {
      const report = await w.manager.caller.monitoring.report({ vacancyId: w.vacancyId });
      expect(groupsAt(report, "age_band", "Screening")["35_44"]).toMatchObject({ suppressed: true, candidates: null });
      await expect(w.otherManager.caller.monitoring.report({ vacancyId: w.vacancyId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const scopes = await w.manager.caller.monitoring.reportScopes();
      expect(scopes).toMatchObject({ allVacancies: false, vacancies: [{ id: w.vacancyId }] });
    } finally {
      await db().organization.update({ where: { id: w.org.id }, data: { monitoringReportForManagers: false } });
    }
  });

  it("writes every view and export to the audit log", async () => {
    const count = (action: "monitoring.report_viewed" | "monitoring.report_exported") =>
      db().auditEvent.count({ where: { orgId: w.org.id, actorId: w.hr.userId, action, entityId: w.vacancyId } });
    const [viewed, exported] = [await count("monitoring.report_viewed"), await count("monitoring.report_exported")];
    await w.hr.caller.monitoring.report({ vacancyId: w.vacancyId });
    await fairnessReportCsv(db(), { userId: w.hr.userId, orgId: w.org.id, role: "HR" }, { vacancyId: w.vacancyId });
    expect(await count("monitoring.report_viewed")).toBe(viewed + 1);
    expect(await count("monitoring.report_exported")).toBe(exported + 1);
  });

  it("refuses answers encrypted under another key rather than count them as not answered, worded as a refusal", async () => {
    const one = await db().monitoringResponse.findFirstOrThrow({ where: { orgId: w.org.id }, select: { id: true, keyId: true } });
    await db().monitoringResponse.update({ where: { id: one.id }, data: { keyId: "0badc0de" } });
    try {
      await expect(w.hr.caller.monitoring.report({ vacancyId: w.vacancyId })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("encrypted with another MONITORING_KEY (key id 0badc0de;"),
      });
    } finally {
      await db().monitoringResponse.update({ where: { id: one.id }, data: { keyId: one.keyId } });
    }
  });

  it("says a vacancy has too few candidates and shows nothing", async () => {
    const report = await w.admin.monitoring.report({ vacancyId: w.smallVacancyId });
    expect(report).toMatchObject({ status: "too_few", candidates: null, categories: [], flags: [] });
    expect(report.message).toContain("Too few candidates");
    // Across every vacancy there are enough (39).
    const all = await w.admin.monitoring.report({});
    expect(all).toMatchObject({ status: "ok", candidates: 39 });
  });

  it("gives the demo's Peer Support Worker vacancy an unsuppressed four-fifths flag, once", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER", "HR"]);
    expect(await seedDemoFairness(db(), org.id)).toBe(true);
    expect(await seedDemoFairness(db(), org.id)).toBe(false);
    const vacancy = await db().vacancy.findFirstOrThrow({ where: { orgId: org.id, title: DEMO_FAIRNESS_VACANCY_TITLE }, select: { id: true } });
    const report = await callerFor(members.HR.userId, org.id).monitoring.report({ vacancyId: vacancy.id });
    // Women advanced 6 of 16 (0.375), men 10 of 15 (0.667): 0.5625 of the highest rate.
    const female = groupsAt(report, "uk_sex", "Screening call").female!;
    expect(female).toMatchObject({ suppressed: false, selected: 6, decisions: 16, fourFifthsFlag: true });
    expect(female.impactRatio).toBeCloseTo(0.5625, 10);
    expect(report.flags.map((f) => f.headline)).toContainEqual(expect.stringContaining("Screening call: Female selected at 38%"));
    // The small groups are hidden: two of mixed, one prefer not to say, at "Screening call".
    const ethnic = groupsAt(report, "uk_ethnic_group", "Screening call");
    expect(ethnic.mixed).toMatchObject({ suppressed: true, candidates: null });
  });
});
