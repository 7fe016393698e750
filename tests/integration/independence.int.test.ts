// Independence for every role on a panel: a hiring manager, HR member or admin who sits on a panel and has not
// submitted learns nothing of the other panelists' scorecards through any path that reads them or a figure
// drawn from them (summary, comparison, calibration, CSV exports, the candidate data export, the interview's
// scorecard list, the audit log); drafts stay with their authors; after submitting, the panel opens. Notes
// and summaries with planted text are searched for in every answer, and the figures are checked to count
// only what the viewer may see.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { comparisonCsv, ratingsCsv } from "@/server/services/insights/export-csv";
import { callerFor, createOrganization, createUser, unique, vacancyFor } from "./factories";
import { compareAs, recordDebrief } from "./insights-factories";
import { cellsOf, rateAndSubmit } from "./scorecard-factories";
import { codeOf, createScriptWithContent, failure } from "./script-factories";

type Caller = ReturnType<typeof callerFor>;
type Seat = { userId: string; caller: Caller; actor: { userId: string; orgId: string; role: "HIRING_MANAGER" | "HR" | "ADMIN" | "INTERVIEWER" } };

async function member(orgId: string, role: Seat["actor"]["role"], name: string): Promise<Seat> {
  const user = await createUser(`${name} ${unique("u")}`);
  await db().membership.create({ data: { orgId, userId: user.id, role } });
  return { userId: user.id, caller: callerFor(user.id, orgId), actor: { userId: user.id, orgId, role } };
}

/**
 * A candidate interviewed by a panel of an interviewer (submitted: every cell rated 4, a note and a summary
 * with planted text), the hiring manager who owns the script, an HR member and an admin (all three seated,
 * none submitted yet, the manager with a draft note). Off the panel: HR, an admin and a second manager.
 */
async function panelWithRolesSeated() {
  const { org, members } = await createOrganization(["HIRING_MANAGER"]);
  const manager: Seat = {
    userId: members.HIRING_MANAGER.userId,
    caller: callerFor(members.HIRING_MANAGER.userId, org.id),
    actor: { userId: members.HIRING_MANAGER.userId, orgId: org.id, role: "HIRING_MANAGER" },
  };
  const interviewer = await member(org.id, "INTERVIEWER", "Ira Interviewer");
  const hr = await member(org.id, "HR", "Hana HR");
  const admin = await member(org.id, "ADMIN", "Adam Admin");
  const hrOff = await member(org.id, "HR", "Olive HR");
  const adminOff = await member(org.id, "ADMIN", "Oscar Admin");
  const otherManager = await member(org.id, "HIRING_MANAGER", "Mona Manager");

  const script = await createScriptWithContent(manager.caller);
  const published = await manager.caller.scripts.publish({ id: script.id, baseUpdatedAt: script.saved.updatedAt });
  const { vacancyId, stageId } = await vacancyFor(org.id, { title: unique("Crisis Worker"), scriptVersionId: published.versionId });
  const candidate = await manager.caller.candidates.create({ name: `Sam Candidate ${unique("c")}`, vacancyId });
  const interview = await db().interview.create({
    data: {
      orgId: org.id,
      candidateId: candidate.id,
      scriptVersionId: published.versionId,
      stageId,
      scheduledAt: new Date(Date.now() - 3 * 3_600_000),
      location: "Room PLACE-SECRET-41",
      panel: { create: [interviewer, manager, hr, admin].map((p) => ({ userId: p.userId })) },
    },
  });
  const secrets = { note: unique("SUBMITTED-NOTE"), summary: unique("SUBMITTED-SUMMARY"), draft: unique("MANAGER-DRAFT") };
  const card = await interviewer.caller.scorecards.mine({ interviewId: interview.id });
  await interviewer.caller.scorecards.saveNote({ scorecardId: card.id, itemId: card.items[0]!.itemId, body: secrets.note, baseVersion: 0 });
  for (const cell of cellsOf(card)) {
    await interviewer.caller.scorecards.saveRating({ scorecardId: card.id, ...cell, score: 4, notAssessed: false, baseVersion: 0 });
  }
  await interviewer.caller.scorecards.submit({ scorecardId: card.id, recommendation: "STRONG_NO", summary: secrets.summary });
  const managerCard = await manager.caller.scorecards.mine({ interviewId: interview.id });
  await manager.caller.scorecards.saveNote({
    scorecardId: managerCard.id,
    itemId: managerCard.items[0]!.itemId,
    body: secrets.draft,
    baseVersion: 0,
  });
  return { org, candidateId: candidate.id, interviewId: interview.id, vacancyId, manager, interviewer, hr, admin, hrOff, adminOff, otherManager, secrets };
}

type World = Awaited<ReturnType<typeof panelWithRolesSeated>>;

/** Every answer a persona can get about the world's candidate, as text, to search for planted strings. */
async function everyAnswer(w: World, seat: Seat): Promise<Record<string, string>> {
  const answers: Record<string, unknown> = {
    "scorecards.forInterview": await seat.caller.scorecards.forInterview({ interviewId: w.interviewId }),
    "insights.compare": await seat.caller.insights.compare({ blind: false }),
    "insights.calibration": await seat.caller.insights.calibration({}),
    "comparison CSV": await comparisonCsv(db(), seat.actor, { blind: false }),
    "ratings CSV": await ratingsCsv(db(), seat.actor, { blind: false }),
  };
  if (seat.actor.role !== "HIRING_MANAGER" || seat === w.manager) {
    answers["insights.candidateSummary"] = await seat.caller.insights.candidateSummary({ candidateId: w.candidateId, blind: false });
  }
  if (seat.actor.role === "HR" || seat.actor.role === "ADMIN") {
    answers["privacy.exportCandidate"] = await seat.caller.privacy.exportCandidate({ candidateId: w.candidateId });
  }
  if (seat.actor.role === "ADMIN") answers["audit.list"] = await seat.caller.audit.list({ filters: {}, limit: 200 });
  return Object.fromEntries(Object.entries(answers).map(([path, value]) => [path, JSON.stringify(value)]));
}

function leaks(answers: Record<string, string>, secrets: string[]): string[] {
  return Object.entries(answers).flatMap(([path, text]) => secrets.filter((s) => text.includes(s)).map((s) => `${path} shows ${s}`));
}

describe("independence for every role on a panel", () => {
  let w: World;
  beforeAll(async () => {
    w = await panelWithRolesSeated();
  }, 60_000);

  for (const who of ["manager", "hr", "admin"] as const) {
    it(`keeps the panel's scorecards and every figure from them from the ${who} on the panel until they submit`, async () => {
      const seat = w[who];
      const found = leaks(await everyAnswer(w, seat), [w.secrets.note, w.secrets.summary, ...(who === "manager" ? [] : [w.secrets.draft])]);
      expect(found).toEqual([]);

      // The figures count nothing of the hidden scorecard, and the page is told why.
      const compare = await compareAs(seat.caller, { blind: false, vacancyId: w.vacancyId });
      expect(compare.rows.find((r) => r.candidateId === w.candidateId)).toBeUndefined();
      expect(compare.withheld).toMatchObject({ scorecards: 1, candidateIds: [w.candidateId], reason: expect.stringContaining("submit") });
      const summary = await seat.caller.insights.candidateSummary({ candidateId: w.candidateId, blind: false });
      expect(summary.scorecards).toEqual([]);
      expect(summary.competencies.every((c) => c.n === 0)).toBe(true);
      expect(summary.recommendations).toEqual({ STRONG_NO: 0, NO: 0, YES: 0, STRONG_YES: 0 });
      expect(summary.withheld).toEqual({ scorecards: 1, reason: expect.stringContaining("submit") });
      const calibration = await seat.caller.insights.calibration({});
      expect(calibration.panelists.map((p) => p.userId)).not.toContain(w.interviewer.userId);
      expect(calibration.withheld.scorecards).toBe(1);
      const list = await seat.caller.scorecards.forInterview({ interviewId: w.interviewId });
      // Their own draft (the manager opened the scoring screen) at most; the interviewer's is counted, not shown.
      expect(list.scorecards.filter((s) => s.panelist.id !== seat.userId)).toEqual([]);
      // Hidden and counted: the interviewer's submitted scorecard, and the manager's draft from anyone else.
      expect(list.hiddenCount).toBe(who === "manager" ? 1 : 2);
      expect(list.hiddenReason).toBe("Submit your own scorecard to see the others.");
    });
  }

  it("shows the submitted scorecards to HR, admins and the owning manager off the panel, never a draft", async () => {
    for (const seat of [w.hrOff, w.adminOff]) {
      const answers = await everyAnswer(w, seat);
      expect(leaks(answers, [w.secrets.draft])).toEqual([]);
      expect(answers["insights.candidateSummary"]).toContain(w.secrets.summary);
      expect(answers["privacy.exportCandidate"]).toContain(w.secrets.note);
      const compare = await compareAs(seat.caller, { blind: false, vacancyId: w.vacancyId });
      expect(compare.rows.find((r) => r.candidateId === w.candidateId)).toMatchObject({ scorecards: 1, recommendations: { STRONG_NO: 1 } });
      expect(compare.withheld.scorecards).toBe(0);
    }
  });

  it("shows another manager none of the candidate's scorecards, on the interview's list as on every other path", async () => {
    const answers = await everyAnswer(w, w.otherManager);
    expect(leaks(answers, [w.secrets.note, w.secrets.summary, w.secrets.draft])).toEqual([]);
    const list = await w.otherManager.caller.scorecards.forInterview({ interviewId: w.interviewId });
    expect(list.scorecards).toEqual([]);
    expect(list.hiddenReason).toBe("Scorecards of candidates outside your vacancies are not shown.");
    expect(await codeOf(w.otherManager.caller.insights.candidateSummary({ candidateId: w.candidateId, blind: false }))).toBe("NOT_FOUND");
  });

  it("opens the panel to HR once their own scorecard is submitted, and their figures then count both", async () => {
    const fresh = await panelWithRolesSeated();
    await rateAndSubmit(fresh.hr.caller, fresh.interviewId, 2);
    const summary = await fresh.hr.caller.insights.candidateSummary({ candidateId: fresh.candidateId, blind: false });
    expect(summary.scorecards.map((s) => s.panelistId).sort()).toEqual([fresh.interviewer.userId, fresh.hr.userId].sort());
    expect(summary.withheld.scorecards).toBe(0);
    expect(JSON.stringify(summary)).toContain(fresh.secrets.summary);
    const compare = await compareAs(fresh.hr.caller, { blind: false, vacancyId: fresh.vacancyId });
    expect(compare.rows.find((r) => r.candidateId === fresh.candidateId)).toMatchObject({ scorecards: 2 });
    // The manager, still seated without submitting, sees neither.
    const managerSummary = await fresh.manager.caller.insights.candidateSummary({ candidateId: fresh.candidateId, blind: false });
    expect(managerSummary.scorecards).toEqual([]);
    expect(managerSummary.withheld.scorecards).toBe(2);
  });
});

describe("the candidate data export and drafts", () => {
  it("leaves drafts' content out of an ordinary export, saying it exists; an admin's subject-access export includes it and is audited as such", async () => {
    const w = await panelWithRolesSeated();
    const ordinary = await w.hrOff.caller.privacy.exportCandidate({ candidateId: w.candidateId });
    expect(JSON.stringify(ordinary)).not.toContain(w.secrets.draft);
    expect(ordinary).toMatchObject({ scorecardsWithheld: 1 });

    expect(await codeOf(w.hrOff.caller.privacy.exportCandidate({ candidateId: w.candidateId, subjectAccessRequest: true }))).toBe("FORBIDDEN");
    // An admin seated on the panel without submitting would learn the panel's ratings: refused.
    expect(await codeOf(w.admin.caller.privacy.exportCandidate({ candidateId: w.candidateId, subjectAccessRequest: true }))).toBe("CONFLICT");

    const full = await w.adminOff.caller.privacy.exportCandidate({ candidateId: w.candidateId, subjectAccessRequest: true });
    expect(JSON.stringify(full)).toContain(w.secrets.draft);
    expect(full).toMatchObject({ scorecardsWithheld: 0 });
    const events = await db().auditEvent.findMany({ where: { entityId: w.candidateId, action: { startsWith: "candidate.exported" } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["candidate.exported", w.hrOff.userId],
      ["candidate.exported_subject_access", w.adminOff.userId],
    ]);
  });

  it("refuses a seated admin's subject-access export while the others on the panel have only drafts (a shadow's too)", async () => {
    const { org } = await createOrganization([]);
    const author = await member(org.id, "HIRING_MANAGER", "Hal Manager");
    const interviewer = await member(org.id, "INTERVIEWER", "Ivy Interviewer");
    const shadow = await member(org.id, "INTERVIEWER", "Shay Shadow");
    const admin = await member(org.id, "ADMIN", "Ada Admin");
    const adminOff = await member(org.id, "ADMIN", "Otto Admin");
    const script = await createScriptWithContent(author.caller);
    const published = await author.caller.scripts.publish({ id: script.id, baseUpdatedAt: script.saved.updatedAt });
    const { vacancyId, stageId } = await vacancyFor(org.id, { title: unique("Crisis Worker"), scriptVersionId: published.versionId });
    const candidateOn = async (panel: Array<{ userId: string; shadow?: boolean }>) => {
      const candidate = await author.caller.candidates.create({ name: `Sam Candidate ${unique("c")}`, vacancyId });
      const interview = await db().interview.create({
        data: { orgId: org.id, candidateId: candidate.id, scriptVersionId: published.versionId, stageId, scheduledAt: new Date(Date.now() - 3_600_000), panel: { create: panel } },
      });
      return { candidateId: candidate.id, interviewId: interview.id };
    };
    const draftSecret = unique("DRAFT-ONLY-NOTE");
    /** A draft with a rating and a planted note, nothing submitted. */
    const writeDraft = async (seat: Seat, interviewId: string, note: string) => {
      const card = await seat.caller.scorecards.mine({ interviewId });
      await seat.caller.scorecards.saveNote({ scorecardId: card.id, itemId: card.items[0]!.itemId, body: note, baseVersion: 0 });
      await seat.caller.scorecards.saveRating({ scorecardId: card.id, ...cellsOf(card)[0]!, score: 1, notAssessed: false, baseVersion: 0 });
    };

    // The interviewer has a draft with a rating and a note; nobody has submitted; the admin sits on the panel.
    const drafts = await candidateOn([{ userId: interviewer.userId }, { userId: admin.userId }]);
    await writeDraft(interviewer, drafts.interviewId, draftSecret);
    const refused = await failure(admin.caller.privacy.exportCandidate({ candidateId: drafts.candidateId, subjectAccessRequest: true }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/You sit on this candidate's panel and have not submitted your scorecard/);
    // An admin off the panel exports the full record, the draft included.
    const full = await adminOff.caller.privacy.exportCandidate({ candidateId: drafts.candidateId, subjectAccessRequest: true });
    expect(JSON.stringify(full)).toContain(draftSecret);

    // Only a shadow's draft beside the admin's seat: refused too (the full record carries shadows' scorecards).
    const shadowSecret = unique("SHADOW-DRAFT-NOTE");
    const shadowed = await candidateOn([{ userId: admin.userId }, { userId: shadow.userId, shadow: true }]);
    await writeDraft(shadow, shadowed.interviewId, shadowSecret);
    expect(await codeOf(admin.caller.privacy.exportCandidate({ candidateId: shadowed.candidateId, subjectAccessRequest: true }))).toBe("CONFLICT");

    // Nobody else has a scorecard yet: nothing to learn, the seated admin exports the full record.
    const fresh = await candidateOn([{ userId: interviewer.userId }, { userId: admin.userId }]);
    await writeDraft(admin, fresh.interviewId, unique("OWN-NOTE"));
    expect(await codeOf(admin.caller.privacy.exportCandidate({ candidateId: fresh.candidateId, subjectAccessRequest: true }))).toBe("OK");
    // A debrief of the stage the admin's seat is at would tell them the panel's ratings: refused as well.
    await recordDebrief({ orgId: org.id, candidateId: fresh.candidateId, stageId, decision: { outcome: "ADVANCE", rationale: unique("RATIONALE") } });
    expect(await codeOf(admin.caller.privacy.exportCandidate({ candidateId: fresh.candidateId, subjectAccessRequest: true }))).toBe("CONFLICT");
    // Once the admin has submitted, the panel's drafts are no reason to refuse: the rule opens the panel to them.
    await rateAndSubmit(admin.caller, drafts.interviewId, 3);
    const afterOwn = await admin.caller.privacy.exportCandidate({ candidateId: drafts.candidateId, subjectAccessRequest: true });
    expect(JSON.stringify(afterOwn)).toContain(draftSecret);
  });
});

describe("audit details and erasure", () => {
  it("records what changed, never a recommendation or the place, and an erased candidate's interview can't be changed", async () => {
    const w = await panelWithRolesSeated();
    await w.manager.caller.interviews.update({ id: w.interviewId, location: "Room NEW-PLACE-SECRET-7" });
    const events = await db().auditEvent.findMany({ where: { orgId: w.org.id } });
    const text = JSON.stringify(events.map((e) => e.data));
    expect(text).not.toContain("PLACE-SECRET");
    expect(text).not.toContain("STRONG_NO");
    const updated = events.find((e) => e.action === "interview.updated");
    expect(updated?.data).toMatchObject({ changed: ["location"] });

    // Ratings kept anonymously, so the interview stays and must refuse changes.
    await db().organization.update({ where: { id: w.org.id }, data: { keepAnonymousRatings: true } });
    await w.adminOff.caller.privacy.erase({ candidateId: w.candidateId });
    expect(await codeOf(w.manager.caller.interviews.update({ id: w.interviewId, location: "Room 9" }))).toBe("CONFLICT");
    expect(await codeOf(w.manager.caller.interviews.setPanel({ id: w.interviewId, userIds: [w.interviewer.userId] }))).toBe("CONFLICT");
    const afterErasure = JSON.stringify((await db().auditEvent.findMany({ where: { orgId: w.org.id } })).map((e) => e.data));
    expect(afterErasure).not.toContain("PLACE-SECRET");
  });
});
