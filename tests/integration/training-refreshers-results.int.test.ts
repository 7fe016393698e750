// Issue 19, what the browser test's story rests on: a member reads their own refresher from drift on the training
// page (no email needed), HR's practice results say each panelist's readiness where a script requires practice
// (the never practised too), and the demo's lenient interviewer has a refresher as soon as the demo is seeded.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedDemoInterviews } from "@/server/services/seed/seed-demo-interviews";
import { seedDemoOrganization } from "@/server/services/seed/seed-demo-organization";
import { seedDemoRefreshers } from "@/server/services/seed/seed-demo-refreshers";
import { seedDemoVacancies } from "@/server/services/seed/seed-demo-vacancies";
import { callerFor } from "./factories";
import { interviewSetup } from "./interview-factories";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

async function practised(orgId: string, userId: string, scriptVersionId: string, days: number, meanAbsDiff: number) {
  await db().practiceSession.create({
    data: { orgId, userId, scriptVersionId, status: "COMPLETED", seed: 1, startedAt: daysAgo(days + 0.05), completedAt: daysAgo(days), meanAbsDiff, bias: 0.3 },
  });
}

describe("a member's own refresher on the training page", () => {
  it("is the latest of the last 30 days, for that member alone, with what was seen and whether they practised since", async () => {
    const s = await interviewSetup();
    const [first, second] = s.interviewers;
    const competencies = await db().competency.findMany({ where: { orgId: null }, orderBy: { slug: "asc" }, take: 2, select: { id: true, name: true } });
    const refresher = (createdAt: Date) => ({
      orgId: s.org.id,
      userId: first,
      reasons: ["LENIENT" as const],
      leniencyOffset: 0.62,
      ratings: 34,
      levelsUsed: 4,
      competencyIds: competencies.map((c) => c.id),
      createdAt,
    });
    const me = callerFor(first);
    await db().practiceRefresher.create({ data: refresher(daysAgo(40)) });
    expect(await me.training.refresher()).toBeNull();

    const suggestedAt = daysAgo(3);
    await db().practiceRefresher.create({ data: refresher(suggestedAt) });
    await practised(s.org.id, first, s.versionId, 5, 0.9);
    expect(await me.training.refresher()).toEqual({
      suggestedAt,
      findings: ["you rate more leniently than colleagues on the same answers (+0.62 on 34 ratings)"],
      drift: { reasons: ["LENIENT"], leniencyOffset: 0.62, ratings: 34, levelsUsed: 4 },
      competencies,
      practisedAt: null,
    });
    // Someone else's refresher is not theirs to read, HR's included: this is the caller's own.
    expect(await callerFor(second).training.refresher()).toBeNull();
    expect(await callerFor(s.members.HR.userId).training.refresher()).toBeNull();

    await practised(s.org.id, first, s.versionId, 1, 0.6);
    expect((await me.training.refresher())?.practisedAt).toEqual(
      (await db().practiceSession.findFirstOrThrow({ where: { userId: first }, orderBy: { completedAt: "desc" } })).completedAt,
    );
  });
});

describe("HR's practice results", () => {
  it("say each panelist's readiness where the script requires practice, and every member's for such scripts", async () => {
    const s = await interviewSetup();
    const [first, second, third] = s.interviewers;
    await practised(s.org.id, first, s.versionId, 10, 0.5);
    await practised(s.org.id, second, s.versionId, 3, 1.1);
    const hr = callerFor(s.members.HR.userId);

    const before = await hr.training.results();
    expect(before.rows.filter((r) => r.scriptId === s.scriptId).map((r) => r.readiness)).toEqual([null, null]);
    expect(before.requirements).toEqual([]);

    await s.manager.readiness.setScriptRequirement({ scriptId: s.scriptId, practiceRequired: true, practiceMonths: 12 });
    const results = await hr.training.results();
    const row = (userId: string) => results.rows.find((r) => r.userId === userId && r.scriptId === s.scriptId)!;
    expect(row(first).readiness).toBe("Ready");
    expect(row(second).readiness).toBe("Practised 3 days ago, off by 1.1 (needs ≤ 0.75)");
    expect(results.requirements).toHaveLength(1);
    const [requirement] = results.requirements;
    expect(requirement).toMatchObject({ scriptId: s.scriptId, practiceMonths: 12 });
    const members = await db().membership.count({ where: { orgId: s.org.id } });
    expect(requirement!.members).toHaveLength(members);
    const of = (userId: string) => requirement!.members.find((m) => m.userId === userId)!;
    expect(of(first)).toMatchObject({ status: "READY" });
    expect(of(third)).toMatchObject({ status: "NEVER", text: "Never practised", lastPractisedAt: null });
    expect(of(s.members.HR.userId)).toMatchObject({ status: "NEVER" });

    const { csv } = await hr.training.resultsCsv();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toContain("Last practice,Readiness,Mean absolute difference");
    expect(lines.some((l) => l.includes(',"Practised 3 days ago, off by 1.1 (needs ≤ 0.75)",1.10,'))).toBe(true);
  });
});

describe("the demo's refreshers", () => {
  it("go to the lenient interviewer when the demo is seeded, aimed at the competencies concerned, and not twice", async () => {
    await seedDemoOrganization(db());
    const org = await db().organization.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
    await seedDemoInterviews(db(), org.id);
    await seedDemoVacancies(db(), org.id);
    await seedDemoRefreshers(db(), org.id);
    const sam = await db().user.findUniqueOrThrow({ where: { email: "interviewer1@riverside.example" }, select: { id: true } });
    const refresher = await db().practiceRefresher.findFirstOrThrow({ where: { orgId: org.id, userId: sam.id }, orderBy: { createdAt: "desc" } });
    expect(refresher.reasons).toEqual(["LENIENT"]);
    expect(refresher.leniencyOffset).toBeGreaterThanOrEqual(0.5);
    expect(refresher.competencyIds.length).toBeGreaterThan(0);
    // Seeding again (or the daily job the same month) suggests no second one.
    expect(await seedDemoRefreshers(db(), org.id)).toBe(0);

    const mine = await callerFor(sam.id, org.id).training.refresher();
    expect(mine?.findings[0]).toMatch(/^you rate more leniently than colleagues on the same answers \(\+\d\.\d\d on \d+ ratings\)$/);
    expect(mine?.competencies.map((c) => c.id)).toEqual(refresher.competencyIds);
  });
});
