// Readiness (issue 19): a script that requires practice, each panelist's readiness for it (ready, stale,
// inaccurate, never) as the panel manager shows it, and adding an unready panelist: warned or refused by the
// organisation's mode, when changing a panel and when scheduling.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization } from "./factories";
import { interviewSetup, publishedScriptVersion } from "./interview-factories";
import { failure } from "./script-factories";

const DAY = 86_400_000;

async function practised(orgId: string, userId: string, scriptVersionId: string, daysAgo: number, meanAbsDiff: number, status: "COMPLETED" | "OPEN" = "COMPLETED") {
  await db().practiceSession.create({
    data: {
      orgId,
      userId,
      scriptVersionId,
      status,
      seed: 1,
      startedAt: new Date(Date.now() - daysAgo * DAY - 3_600_000),
      completedAt: status === "COMPLETED" ? new Date(Date.now() - daysAgo * DAY) : null,
      meanAbsDiff: status === "COMPLETED" ? meanAbsDiff : null,
      bias: 0.1,
    },
  });
}

/**
 * interviewSetup's organisation (panel: interviewer 1 and 2) with practice on its script: interviewer 1
 * accurate 10 days ago, interviewer 2 accurate but 14 months ago, interviewer 3 two months ago but off by 1.1
 * (and accurate on another script, which doesn't count), HR never; the script requires practice.
 */
async function readinessWorld() {
  const s = await interviewSetup();
  const [first, second, third] = s.interviewers;
  const admin = callerFor(s.members.ADMIN.userId);
  // A second version of the same script: practice on any version counts.
  const v2 = await db().scriptVersion.create({ data: { scriptId: s.scriptId, version: 2 } });
  await practised(s.org.id, first, v2.id, 10, 0.5);
  await practised(s.org.id, first, s.versionId, 2, 1.6);
  await practised(s.org.id, second, s.versionId, 430, 0.3);
  await practised(s.org.id, third, s.versionId, 61, 1.1);
  await practised(s.org.id, third, s.versionId, 1, 0.2, "OPEN");
  const other = await publishedScriptVersion(s.manager);
  await practised(s.org.id, third, other.versionId, 5, 0.2);
  await s.manager.readiness.setScriptRequirement({ scriptId: s.scriptId, practiceRequired: true, practiceMonths: 12 });
  return { ...s, admin, first, second, third, hr: s.members.HR.userId };
}

const panelOf = async (interviewId: string) =>
  (await db().panelMember.findMany({ where: { interviewId }, select: { userId: true } })).map((p) => p.userId).sort();

describe("readiness for a script that requires practice", () => {
  it("is ready on an accurate session within the months on any version; stale, inaccurate or never otherwise", async () => {
    const w = await readinessWorld();
    const readiness = await w.admin.readiness.panel({ interviewId: w.interviewId });
    expect(readiness).toMatchObject({ scriptId: w.scriptId, practiceRequired: true, practiceMonths: 12, practiceMaxMad: 0.75, practiceUnreadyMode: "WARN" });
    const of = (userId: string) => readiness.members.find((m) => m.userId === userId)!;
    expect(of(w.first)).toMatchObject({ status: "READY", text: "Ready" });
    expect(of(w.second)).toMatchObject({ status: "STALE", text: "Last practised 14 months ago (needs a session within the last 12 months)" });
    expect(of(w.third)).toMatchObject({ status: "INACCURATE", text: "Practised 2 months ago, off by 1.1 (needs ≤ 0.75)" });
    expect(of(w.hr)).toMatchObject({ status: "NEVER", text: "Never practised" });

    // A looser threshold makes the inaccurate session enough; fewer months make the 10-day-old one still count.
    await w.admin.readiness.updateSettings({ practiceMaxMad: 1.1, practiceUnreadyMode: "WARN", driftLeniencyThreshold: 0.5, driftMinRatings: 20 });
    await w.manager.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: true, practiceMonths: 1 });
    const looser = await w.admin.readiness.panel({ stageId: w.stageId });
    expect(looser.members.find((m) => m.userId === w.third)!.status).toBe("STALE"); // 61 days ago: outside one month
    expect(looser.members.find((m) => m.userId === w.first)!.status).toBe("READY");
    await w.manager.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: true, practiceMonths: 3 });
    expect((await w.admin.readiness.panel({ stageId: w.stageId })).members.find((m) => m.userId === w.third)!.status).toBe("READY");
  });

  it("shows a hiring manager who is not ready without their accuracy figure (HR's and admins' to see)", async () => {
    const w = await readinessWorld();
    const readiness = await w.manager.readiness.panel({ interviewId: w.interviewId });
    expect(readiness.members.find((m) => m.userId === w.third)!.text).toBe("Practised 2 months ago, not yet accurate enough (needs ≤ 0.75)");
  });

  it("keeps the script's content timestamp when the requirement changes, and refuses bad months", async () => {
    const w = await readinessWorld();
    const before = await w.manager.scripts.get({ id: w.scriptId });
    const saved = await w.manager.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: false, practiceMonths: 6 });
    expect(saved).toMatchObject({ practiceRequired: false, practiceMonths: 6, canEdit: true });
    expect((await w.manager.scripts.get({ id: w.scriptId })).updatedAt).toEqual(before.updatedAt);
    const bad = await failure(w.manager.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: true, practiceMonths: 0 }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("at least 1 month");
    const audit = await db().auditEvent.findMany({ where: { orgId: w.org.id, action: "script.practice_requirement_changed" } });
    expect(audit).toHaveLength(2);
    // Everyone reads the requirement; an interviewer can't change it.
    const interviewer = callerFor(w.first);
    expect(await interviewer.readiness.scriptRequirement({ scriptId: w.scriptId })).toMatchObject({ practiceRequired: false, canEdit: false });
    expect((await failure(interviewer.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: true, practiceMonths: 6 }))).code).toBe("FORBIDDEN");
  });
});

describe("adding an unready panelist", () => {
  it("warns (WARN): the panelist is added and the answer names them and why", async () => {
    const w = await readinessWorld();
    const changed = await w.manager.interviews.setPanel({ id: w.interviewId, userIds: [w.first, w.second, w.third] });
    // With its status and facts, for the page to word in its reader's language (the figure is not the manager's to see).
    expect(changed.warnings).toEqual([
      {
        userId: w.third,
        name: "Third interviewer",
        text: "Practised 2 months ago, not yet accurate enough (needs ≤ 0.75)",
        status: "INACCURATE",
        facts: expect.objectContaining({ off: null, maxMad: 0.75, months: 12 }),
      },
    ]);
    expect(await panelOf(w.interviewId)).toEqual([w.first, w.second, w.third].sort());
    // Seated already: keeping them is no new warning. Adding someone ready gives none.
    expect((await w.admin.interviews.setPanel({ id: w.interviewId, userIds: [w.first, w.second, w.third] })).warnings).toEqual([]);
  });

  it("refuses (REFUSE) with a clear message, changing nothing, and still adds someone ready", async () => {
    const w = await readinessWorld();
    await w.admin.readiness.updateSettings({ practiceMaxMad: 0.75, practiceUnreadyMode: "REFUSE", driftLeniencyThreshold: 0.5, driftMinRatings: 20 });
    await w.manager.interviews.setPanel({ id: w.interviewId, userIds: [w.first] });
    const refused = await failure(w.admin.interviews.setPanel({ id: w.interviewId, userIds: [w.first, w.third, w.hr] }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("requires panelists to be ready: a practice session on it within 12 months, off by no more than 0.75");
    expect(refused.message).toContain("Third interviewer (practised 2 months ago, off by 1.1 (needs ≤ 0.75))");
    expect(refused.message).toContain("HR person (never practised)");
    expect(await panelOf(w.interviewId)).toEqual([w.first]);

    // Scheduling with an unready panelist is refused the same way; with ready ones it goes ahead.
    const scheduling = await failure(
      w.manager.interviews.create({ candidateId: w.candidateId, stageId: w.stageId, scheduledAt: new Date(Date.now() + 5 * DAY), panelUserIds: [w.first, w.second] }),
    );
    expect(scheduling.code).toBe("CONFLICT");
    expect(scheduling.message).toContain("Second interviewer (last practised 14 months ago");
    const scheduled = await w.manager.interviews.create({ candidateId: w.candidateId, stageId: w.stageId, scheduledAt: new Date(Date.now() + 5 * DAY), panelUserIds: [w.first] });
    expect(scheduled.warnings).toEqual([]);

    // A script that no longer requires practice takes anyone.
    await w.manager.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: false, practiceMonths: 12 });
    expect((await w.admin.interviews.setPanel({ id: w.interviewId, userIds: [w.first, w.hr] })).warnings).toEqual([]);
    expect(await panelOf(w.interviewId)).toEqual([w.first, w.hr].sort());
  });

  it("warns when scheduling in WARN mode", async () => {
    const w = await readinessWorld();
    const scheduled = await w.manager.interviews.create({
      candidateId: w.candidateId,
      stageId: w.stageId,
      scheduledAt: new Date(Date.now() + 5 * DAY),
      panelUserIds: [w.first, w.hr],
    });
    expect(scheduled.warnings).toEqual([
      { userId: w.hr, name: "HR person", text: "Never practised", status: "NEVER", facts: { days: null, off: null, maxMad: 0.75, months: 12 } },
    ]);
    expect(await panelOf(scheduled.id)).toEqual([w.first, w.hr].sort());
  });
});

describe("the organisation's training settings", () => {
  it("are admins' to change, checked and audited", async () => {
    const { org, members } = await createOrganization(["ADMIN", "HR"]);
    const admin = callerFor(members.ADMIN.userId);
    expect(await admin.readiness.settings()).toEqual({ practiceMaxMad: 0.75, practiceUnreadyMode: "WARN", driftLeniencyThreshold: 0.5, driftMinRatings: 20 });
    const saved = await admin.readiness.updateSettings({ practiceMaxMad: 0.6, practiceUnreadyMode: "REFUSE", driftLeniencyThreshold: 0.4, driftMinRatings: 30 });
    expect(saved).toEqual({ practiceMaxMad: 0.6, practiceUnreadyMode: "REFUSE", driftLeniencyThreshold: 0.4, driftMinRatings: 30 });
    const bad = await failure(admin.readiness.updateSettings({ practiceMaxMad: 5, practiceUnreadyMode: "WARN", driftLeniencyThreshold: 0.5, driftMinRatings: 2 }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect((await failure(callerFor(members.HR.userId).readiness.updateSettings(saved))).code).toBe("FORBIDDEN");
    const audit = await db().auditEvent.findMany({ where: { orgId: org.id, action: "org.training_settings_changed" } });
    expect(audit).toHaveLength(1);
  });
});

describe("a script's practice requirement changed from an older page", () => {
  it("is not switched back off by a tab that only meant to change the months", async () => {
    const w = await readinessWorld();
    const opened = await w.manager.readiness.scriptRequirement({ scriptId: w.scriptId });
    const shown = { practiceRequired: opened.practiceRequired, practiceMonths: opened.practiceMonths };
    expect(shown).toEqual({ practiceRequired: true, practiceMonths: 12 });

    await w.admin.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: false, practiceMonths: 12, shown });
    const refused = await failure(w.manager.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: true, practiceMonths: 6, shown }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("This script's practice requirement was changed in another tab or by someone else");
    expect(await w.manager.readiness.scriptRequirement({ scriptId: w.scriptId })).toMatchObject({ practiceRequired: false, practiceMonths: 12 });

    await w.manager.readiness.setScriptRequirement({ scriptId: w.scriptId, practiceRequired: true, practiceMonths: 6, shown: { practiceRequired: false, practiceMonths: 12 } });
    expect(await w.manager.readiness.scriptRequirement({ scriptId: w.scriptId })).toMatchObject({ practiceRequired: true, practiceMonths: 6 });
  });
});
