// The counts shown beside listed rows (interviews per candidate, panel per interview, what a plan stage holds,
// interviews per script version) and the lay panelist's full-panel check are counted from the listed rows' own
// children (countsBy in src/server/services/_shared/counts-by.ts), not with Prisma's relation _count: exact,
// and 0 for a row with none.
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { PANEL_MAX } from "@/lib/schemas/interviews";
import { db } from "@/server/db";
import { createCandidateRecord } from "./factories";
import { createPanelInterview } from "./scorecard-factories";

describe("counts beside listed rows", () => {
  it("counts each candidate's interviews, each interview's panel, a stage's holdings and a version's interviews", async () => {
    const f = await createPanelInterview();
    const first = await db().interview.findUniqueOrThrow({ where: { id: f.interviewId }, select: { scriptVersionId: true } });
    const second = await db().interview.create({
      data: {
        orgId: f.org.id,
        candidateId: f.candidateId,
        scriptVersionId: first.scriptVersionId,
        stageId: f.stageId,
        scheduledAt: new Date("2026-12-02T10:00:00Z"),
        panel: { create: [{ userId: f.panelists[0].userId }] },
      },
      select: { id: true },
    });
    const idle = await createCandidateRecord(f.org.id, { name: "Idle Candidate", vacancyId: f.vacancyId });
    // Another organisation's interviews on a panel of its own: nothing of theirs is counted here.
    await createPanelInterview();

    const listed = await f.hr.caller.candidates.list({ vacancyId: f.vacancyId });
    expect(listed.map((c) => [c.id, c.interviewCount]).sort()).toEqual(
      [
        [f.candidateId, 2],
        [idle.id, 0],
      ].sort(),
    );

    const page = await f.hr.caller.candidates.get({ id: f.candidateId });
    expect(page.interviews.map((i) => [i.id, i.panelCount]).sort()).toEqual(
      [
        [f.interviewId, 3],
        [second.id, 1],
      ].sort(),
    );
    expect((await f.hr.caller.candidates.get({ id: idle.id })).interviews).toEqual([]);

    const plan = await f.admin.caller.vacancies.plan({ id: f.vacancyId });
    expect(plan.stages.map((s) => [s.id, s.candidates, s.interviews, s.debriefs])).toEqual([[f.stageId, 2, 2, 0]]);

    const script = await f.manager.caller.scripts.get({ id: f.scriptId });
    expect(script.versions.map((v) => [v.version, v.interviewCount])).toEqual([[1, 2]]);
    expect(script.version.interviewCount).toBe(2);
  });

  it("seats lay panelists up to the panel's limit and refuses one more", async () => {
    const f = await createPanelInterview();
    const add = (n: number) =>
      f.manager.caller.layPanelists.add({ interviewId: f.interviewId, name: `Service User ${n}`, strand: "SERVICE_USER", sendEmail: false });
    for (let n = f.panelists.length; n < PANEL_MAX; n++) await add(n);
    expect(await db().panelMember.count({ where: { interviewId: f.interviewId } })).toBe(PANEL_MAX);
    const refused = await add(PANEL_MAX).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("CONFLICT");
    expect(await db().panelMember.count({ where: { interviewId: f.interviewId } })).toBe(PANEL_MAX);
  });
});
