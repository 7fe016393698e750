// Easy-read scoring (issue 23): the built-in competencies' plain-language anchors and Spanish texts are
// seeded (and reach a database seeded before they existed), and the scoring screen opens in easy-read mode
// for a service-user seat unless the panelist chose otherwise.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedBuiltinContent } from "@/server/services/seed/seed-builtin-content";
import { createPanelInterview } from "./scorecard-factories";

describe("easy-read anchors of the built-in competencies", () => {
  it("gives every level of every built-in competency an easy-read text, shorter than its anchor, and Spanish texts", async () => {
    const competencies = await db().competency.findMany({ where: { orgId: null }, include: { anchors: true } });
    expect(competencies.length).toBeGreaterThanOrEqual(13);
    for (const competency of competencies) {
      expect((competency.translations as { es?: { name?: string } }).es?.name, competency.slug).toBeTruthy();
      for (const anchor of competency.anchors) {
        expect(anchor.easyRead.length, `${competency.slug} ${anchor.level}`).toBeGreaterThan(20);
        expect(anchor.easyRead.length).toBeLessThan(anchor.description.length + 40);
        const es = (anchor.translations as { es?: { description?: string; easyRead?: string } }).es;
        expect(es?.description).toBeTruthy();
        expect(es?.easyRead).toBeTruthy();
      }
    }
  });

  // Seeding twice changing nothing is seed.int.test.ts's check, over all the built-in content.
  it("reaches a database seeded before they existed", async () => {
    const empathy = await db().competency.findFirstOrThrow({ where: { orgId: null, slug: "empathy" }, include: { anchors: true } });
    await db().competency.update({ where: { id: empathy.id }, data: { translations: {} } });
    await db().competencyAnchor.updateMany({ where: { competencyId: empathy.id }, data: { easyRead: "", translations: {} } });

    const upgrade = await seedBuiltinContent(db());
    expect(upgrade.changedRows).toBe(5);
    const after = await db().competency.findUniqueOrThrow({ where: { id: empathy.id }, include: { anchors: { orderBy: { level: "asc" } } } });
    expect(after.translations).toEqual(empathy.translations);
    expect(after.anchors.map((a) => a.easyRead)).toEqual([...empathy.anchors].sort((a, b) => a.level - b.level).map((a) => a.easyRead));
    expect(after.anchors[0]!.easyRead).toMatch(/^They talk about people as problems/);
  });
});

describe("the scoring screen's easy-read mode", () => {
  it("is on for a service-user seat and off for a staff seat until the panelist chooses, and carries the plain-language anchors", async () => {
    const world = await createPanelInterview();
    const [serviceUser, staff] = world.panelists;
    await db().panelMember.update({
      where: { interviewId_userId: { interviewId: world.interviewId, userId: serviceUser.userId } },
      data: { strand: "SERVICE_USER" },
    });

    const card = await serviceUser.caller.scorecards.mine({ interviewId: world.interviewId });
    expect(card.easyRead).toBe(true);
    expect((await staff.caller.scorecards.mine({ interviewId: world.interviewId })).easyRead).toBe(false);

    const empathy = card.items[0]!.competencies.find((c) => c.name === "Empathy")!;
    expect(empathy.anchors.map((a) => a.level)).toEqual([1, 2, 3, 4]);
    expect(empathy.anchors[2]!.easyRead).toMatch(/^They give a real example\./);
    expect(empathy.translations.es?.name).toBe("Empatía");
    expect(empathy.anchors[2]!.translations.es?.easyRead).toMatch(/^Da un ejemplo real\./);

    // Their own choice wins over the seat, and only their own record changes.
    await serviceUser.caller.scoringPreferences.setEasyRead({ easyRead: false });
    await staff.caller.scoringPreferences.setEasyRead({ easyRead: true });
    expect((await serviceUser.caller.scorecards.mine({ interviewId: world.interviewId })).easyRead).toBe(false);
    expect((await staff.caller.scorecards.mine({ interviewId: world.interviewId })).easyRead).toBe(true);
    expect((await world.panelists[2].caller.scorecards.mine({ interviewId: world.interviewId })).easyRead).toBe(false);
  });
});
