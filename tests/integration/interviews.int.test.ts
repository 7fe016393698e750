// Interviews through the real router: scheduling rules, who may see an interview, panel changes, the
// manager's list and a panelist's own lists with the overdue reminder.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { REMINDER_HOURS } from "@/server/services/interviews/_shared/reminder-due";
import { seedDemoInterviews } from "@/server/services/seed/seed-demo-interviews";
import { callerFor, createOrganization, createUser, unique, vacancyFor } from "./factories";
import { interviewSetup } from "./interview-factories";
import { codeOf, draft, failure, item } from "./script-factories";

const HOUR = 3_600_000;

describe("scheduling", () => {
  it("schedules at the candidate's current stage on its script version, with the stage's default panel unless one is chosen", async () => {
    const { manager, candidateId, stageId, versionId, interviewers } = await interviewSetup();
    await db().vacancyStagePanelist.createMany({
      data: [interviewers[1], interviewers[2]].map((userId) => ({ stageId, userId })),
    });
    const { id } = await manager.interviews.create({ candidateId, scheduledAt: new Date(Date.now() + 2 * 24 * HOUR) });
    const scheduled = await manager.interviews.get({ id });
    expect(scheduled).toMatchObject({ stage: { id: stageId, name: "Interview" }, script: { versionId }, candidate: { vacancyTitle: "Crisis Worker" } });
    expect(scheduled.panel.map((p) => p.userId).sort()).toEqual([interviewers[1], interviewers[2]].sort());

    // The form's panel replaces the default one.
    const chosen = await manager.interviews.create({ candidateId, stageId, scheduledAt: new Date(), panelUserIds: [interviewers[0]] });
    expect((await manager.interviews.get({ id: chosen.id })).panel.map((p) => p.userId)).toEqual([interviewers[0]]);
    expect((await db().interview.findUniqueOrThrow({ where: { id: chosen.id } })).stageId).toBe(stageId);
  });

  it("refuses a stage with no script, a stage whose script version was replaced, and another vacancy's stage, saying what to do", async () => {
    const { manager, candidateId, stageId, vacancyId, scriptId, interviewers, org } = await interviewSetup();
    const panelUserIds = [interviewers[0]];
    const noScript = await db().vacancyStage.create({ data: { vacancyId, position: 2, name: "Final panel" } });
    const empty = await failure(manager.interviews.create({ candidateId, stageId: noScript.id, scheduledAt: new Date(), panelUserIds }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toBe("Stage «Final panel» has no script yet: choose one in the vacancy's interview plan.");

    const otherVacancy = await vacancyFor(org.id, { title: unique("Team Leader"), scriptVersionId: null });
    const elsewhere = await failure(manager.interviews.create({ candidateId, stageId: otherVacancy.stageId, scheduledAt: new Date(), panelUserIds }));
    expect(elsewhere.code).toBe("BAD_REQUEST");
    expect(elsewhere.message).toMatch(/^Stage «Interview» belongs to another vacancy: choose a stage of «Crisis Worker»\.$/);

    const otherOrg = await createOrganization(["ADMIN"]);
    const foreign = await vacancyFor(otherOrg.org.id);
    expect(await codeOf(manager.interviews.create({ candidateId, stageId: foreign.stageId, scheduledAt: new Date(), panelUserIds }))).toBe(
      "NOT_FOUND",
    );

    // Version 2 of the stage's script is published: the plan still names version 1.
    const loaded = await manager.scripts.get({ id: scriptId });
    const targets = loaded.version.targets.map((t) => ({ competencyId: t.competencyId, weight: t.weight }));
    const v2draft = await manager.scripts.saveDraft(
      draft(loaded, { targets, sections: [{ title: "Opening", items: [item(targets.map((t) => t.competencyId))] }] }),
    );
    await manager.scripts.publish({ id: scriptId, baseUpdatedAt: v2draft.updatedAt });
    const replaced = await failure(manager.interviews.create({ candidateId, scheduledAt: new Date(), panelUserIds }));
    expect(replaced.code).toBe("BAD_REQUEST");
    expect(replaced.message).toMatch(/^Stage «Interview» uses version 1 of «.+», which was replaced by version 2: update the plan\.$/);
    // The form shows the same reason beside the stage.
    const options = await manager.interviews.schedulingOptions();
    const stages = options.vacancies.find((v) => v.id === vacancyId)!.stages;
    expect(stages.map((st) => [st.id, st.problem?.kind ?? null, st.problem?.values.stage ?? null])).toEqual([
      [stageId, "stageReplaced", "Interview"],
      [noScript.id, "stageNoScript", "Final panel"],
    ]);
    expect(await db().interview.count({ where: { candidateId } })).toBe(1);
  });

  it("refuses a non-member panelist, a panelist chosen twice, and a stage without a default panel when none is chosen", async () => {
    const { manager, candidateId, interviewers } = await interviewSetup();
    const outsider = await createUser("Not a member");
    const stranger = await failure(manager.interviews.create({ candidateId, scheduledAt: new Date(), panelUserIds: [outsider.id] }));
    expect(stranger.code).toBe("BAD_REQUEST");
    expect(stranger.message).toMatch(/must be a member of this organisation/);

    const repeated = await failure(
      manager.interviews.create({ candidateId, scheduledAt: new Date(), panelUserIds: [interviewers[0], interviewers[0]] }),
    );
    expect(repeated.message).toBe("panelUserIds: Each panelist can be chosen once");

    const noPanel = await failure(manager.interviews.create({ candidateId, scheduledAt: new Date() }));
    expect(noPanel.message).toBe("Stage «Interview» has no default panel: add at least one panelist.");
  });

  it("lets interviewers neither schedule nor list interviews", async () => {
    const { candidateId, interviewers } = await interviewSetup();
    const interviewer = callerFor(interviewers[0]);
    expect(await codeOf(interviewer.interviews.create({ candidateId, scheduledAt: new Date(), panelUserIds: [interviewers[0]] }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(interviewer.interviews.list({}))).toBe("FORBIDDEN");
  });
});

describe("interviews.get", () => {
  it("shows the interview to panelists and candidate readers, hides it from other interviewers and other organisations", async () => {
    const { interviewers, members, interviewId, scriptId, versionId } = await interviewSetup();
    const panelist = await callerFor(interviewers[0]).interviews.get({ id: interviewId });
    expect(panelist).toMatchObject({
      isPanelist: true,
      canManage: false,
      location: "Room 4",
      script: { id: scriptId, versionId, version: 1, plannedMinutes: 60 },
      invitations: [],
    });
    // Interviewers have no candidates:contact.
    expect(panelist.candidate).toMatchObject({ email: null, phone: null });
    expect(panelist.panel.map((p) => p.userId)).toEqual([interviewers[0], interviewers[1]]);

    expect(await codeOf(callerFor(interviewers[2]).interviews.get({ id: interviewId }))).toBe("NOT_FOUND");

    const hr = await callerFor(members.HR.userId).interviews.get({ id: interviewId });
    expect(hr).toMatchObject({ isPanelist: false, canManage: false, candidate: { email: "candidate@example.org" } });

    const other = await createOrganization(["ADMIN"]);
    expect(await codeOf(callerFor(other.members.ADMIN.userId).interviews.get({ id: interviewId }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(other.members.ADMIN.userId).interviews.update({ id: interviewId, location: "x" }))).toBe("NOT_FOUND");
  });
});

describe("panel changes", () => {
  it("adds and removes panelists but keeps one who has started scoring, with a clear message", async () => {
    const { manager, interviewers, interviewId, org } = await interviewSetup();
    await manager.interviews.setPanel({ id: interviewId, userIds: [interviewers[0], interviewers[2]] });
    expect((await manager.interviews.get({ id: interviewId })).panel.map((p) => p.userId)).toEqual([interviewers[0], interviewers[2]]);

    const scorecard = await db().scorecard.create({ data: { orgId: org.id, interviewId, panelistId: interviewers[2] } });
    // An empty draft is just a placeholder: removing its owner is fine.
    await manager.interviews.setPanel({ id: interviewId, userIds: [interviewers[0]] });
    expect(await db().scorecard.count({ where: { id: scorecard.id } })).toBe(0);

    await db().scorecard.create({ data: { orgId: org.id, interviewId, panelistId: interviewers[0], status: "SUBMITTED", submittedAt: new Date() } });
    const refused = await failure(manager.interviews.setPanel({ id: interviewId, userIds: [interviewers[1]] }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/has submitted a scorecard for this interview, so they stay on the panel/);
    const audit = await db().auditEvent.findMany({ where: { entityId: interviewId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["interview.scheduled", "interview.panel_changed", "interview.panel_changed"]);
  });
});

describe("lists", () => {
  it("counts panel seats and submitted scorecards for managers", async () => {
    const { manager, interviewId, interviewers, org, candidateId } = await interviewSetup();
    await db().scorecard.create({ data: { orgId: org.id, interviewId, panelistId: interviewers[0], status: "SUBMITTED", submittedAt: new Date() } });
    await db().scorecard.create({ data: { orgId: org.id, interviewId, panelistId: interviewers[1] } });
    const rows = await manager.interviews.list({ candidateId });
    expect(rows).toEqual([expect.objectContaining({ id: interviewId, panelCount: 2, submittedCount: 1, vacancyTitle: "Crisis Worker", stageName: "Interview" })]);
    expect(await manager.interviews.list({ candidateId, status: "CANCELLED" })).toEqual([]);
    expect(await manager.interviews.list({ candidateId, to: new Date() })).toEqual([]);
  });

  it("sorts a panelist's interviews into upcoming, to score and submitted, and flags overdue ones", async () => {
    const { manager, interviewId: future, interviewers, org, candidateId } = await interviewSetup();
    const schedule = (hoursFromNow: number) =>
      manager.interviews.create({
        candidateId,
        scheduledAt: new Date(Date.now() + hoursFromNow * HOUR),
        panelUserIds: [interviewers[0]],
      });
    // Planned 60 minutes + the reminder delay: one hour more than that ago is overdue, just now is not.
    const overdue = await schedule(-(REMINDER_HOURS + 2));
    const recent = await schedule(-0.1);
    const done = await schedule(-48);
    await db().scorecard.create({ data: { orgId: org.id, interviewId: done.id, panelistId: interviewers[0], status: "SUBMITTED", submittedAt: new Date() } });
    await db().scorecard.create({ data: { orgId: org.id, interviewId: recent.id, panelistId: interviewers[0] } });
    const cancelled = await schedule(-3);
    await manager.interviews.update({ id: cancelled.id, status: "CANCELLED" });

    const mine = await callerFor(interviewers[0]).interviews.mine();
    expect(mine.upcoming.map((r) => [r.interviewId, r.scorecardStatus, r.overdue])).toEqual([[future, "NOT_STARTED", false]]);
    expect(mine.toScore.map((r) => [r.interviewId, r.scorecardStatus, r.overdue])).toEqual([
      [overdue.id, "NOT_STARTED", true],
      [recent.id, "DRAFT", false],
    ]);
    expect(mine.submitted.map((r) => [r.interviewId, r.scorecardStatus, r.overdue])).toEqual([[done.id, "SUBMITTED", false]]);
    expect(mine.upcoming[0]).toMatchObject({ location: "Room 4", vacancyTitle: "Crisis Worker", stageName: "Interview" });

    // Someone on no panel has empty lists, whatever their role.
    expect(await callerFor(interviewers[2]).interviews.mine()).toEqual({ upcoming: [], toScore: [], submitted: [] });
  });
});

describe("demo interviews", () => {
  it("seeds five finished interviews with three submitted scorecards each and one upcoming interview", async () => {
    const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER"]);
    const interviewers = [];
    for (let i = 1; i <= 3; i++) {
      const user = await createUser(`Interviewer ${i}`);
      await db().membership.create({ data: { orgId: org.id, userId: user.id, role: "INTERVIEWER" } });
      interviewers.push(user.id);
    }
    expect(await seedDemoInterviews(db(), org.id)).toBe(true);
    expect(await seedDemoInterviews(db(), org.id)).toBe(false);

    const interviews = await db().interview.findMany({
      where: { orgId: org.id },
      select: { scheduledAt: true, status: true, _count: { select: { panel: true, scorecards: true } } },
      orderBy: { scheduledAt: "asc" },
    });
    const past = interviews.filter((i) => i.scheduledAt < new Date());
    const upcoming = interviews.filter((i) => i.scheduledAt > new Date());
    expect(past).toHaveLength(5);
    expect(past.every((i) => i._count.panel === 3 && i._count.scorecards === 3 && i.status === "COMPLETED")).toBe(true);
    expect(upcoming.map((i) => [i._count.panel, i._count.scorecards])).toEqual([[3, 0]]);
    expect(await db().scorecard.count({ where: { orgId: org.id, status: "SUBMITTED" } })).toBe(15);
    expect(await db().candidate.count({ where: { orgId: org.id } })).toBe(6);

    // Every item × competency is rated on every scorecard, and the script is usable by the router.
    const itemCompetencies = await db().scriptItemCompetency.count({ where: { item: { section: { version: { script: { orgId: org.id } } } } } });
    expect(await db().rating.count({ where: { scorecard: { orgId: org.id } } })).toBe(15 * itemCompetencies);
    const scores = await db().rating.findMany({ where: { scorecard: { orgId: org.id }, notAssessed: false }, select: { score: true } });
    expect(scores.every((r) => r.score! >= 1 && r.score! <= 4)).toBe(true);

    const manager = callerFor(members.HIRING_MANAGER.userId);
    const options = await manager.interviews.schedulingOptions();
    expect(options.vacancies.flatMap((v) => v.stages.map((s) => s.scriptTitle))).toEqual(["Mental Health Specialist panel"]);
    const mine = await callerFor(interviewers[0]!).interviews.mine();
    expect([mine.upcoming.length, mine.toScore.length, mine.submitted.length]).toEqual([1, 0, 5]);
  });
});
