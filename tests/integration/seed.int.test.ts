import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedBuiltinContent } from "@/server/services/seed/seed-builtin-content";
import { seedDemoOrganization, DEMO_ACCOUNTS } from "@/server/services/seed/seed-demo-organization";

async function snapshot() {
  const [competencies, anchors, banks, questions, links] = await Promise.all([
    db().competency.findMany({ where: { orgId: null }, orderBy: { id: "asc" } }),
    db().competencyAnchor.findMany({ orderBy: { id: "asc" } }),
    db().questionBank.findMany({ where: { orgId: null }, orderBy: { id: "asc" } }),
    db().question.findMany({ where: { bank: { orgId: null } }, orderBy: { id: "asc" } }),
    db().questionCompetency.findMany({ orderBy: [{ questionId: "asc" }, { competencyId: "asc" }] }),
  ]);
  return { competencies, anchors, banks, questions, links };
}

describe("built-in content", () => {
  it("holds both banks with 23 questions each, every one with its guidance and 1 to 3 competencies", async () => {
    const banks = await db().questionBank.findMany({
      where: { orgId: null },
      include: { questions: { include: { competencies: true } } },
      orderBy: { name: "asc" },
    });
    expect(banks.map((b) => [b.name, b.questions.length])).toEqual([
      ["Clinical Case Manager", 23],
      ["Mental Health Specialist", 23],
    ]);
    for (const q of banks.flatMap((b) => b.questions)) {
      expect(q.text.length).toBeGreaterThan(10);
      expect(q.assesses.length).toBeGreaterThan(20);
      expect(q.howToAnswer.length).toBeGreaterThan(20);
      expect(q.exampleAnswer.length).toBeGreaterThan(20);
      expect(q.competencies.length).toBeGreaterThanOrEqual(1);
      expect(q.competencies.length).toBeLessThanOrEqual(3);
    }
    const ccm = banks.find((b) => b.name === "Clinical Case Manager")!;
    expect(ccm.questions.every((q) => q.textReconstructed)).toBe(true);
    const mhs = banks.find((b) => b.name === "Mental Health Specialist")!;
    expect(mhs.questions.some((q) => q.textReconstructed)).toBe(false);
  });

  it("has the core competencies with an anchor for each of the four levels", async () => {
    const competencies = await db().competency.findMany({ where: { orgId: null }, include: { anchors: true } });
    const names = competencies.map((c) => c.name);
    for (const core of ["Empathy", "Ethics", "Crisis handling", "Collaboration"]) expect(names).toContain(core);
    for (const c of competencies) expect(c.anchors.map((a) => a.level).sort()).toEqual([1, 2, 3, 4]);
  });

  it("changes nothing when seeded again", async () => {
    const before = await snapshot();
    const summary = await seedBuiltinContent(db());
    expect(summary.changedRows).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("repairs a question that was changed in the database", async () => {
    const question = await db().question.findFirstOrThrow({ where: { bank: { orgId: null }, position: 3 } });
    await db().question.update({ where: { id: question.id }, data: { howToAnswer: "tampered" } });
    const summary = await seedBuiltinContent(db());
    expect(summary.changedRows).toBe(1);
    const repaired = await db().question.findUniqueOrThrow({ where: { id: question.id } });
    expect(repaired.howToAnswer).toBe(question.howToAnswer);
  });

  it("creates the demo organisation once, with every demo role", async () => {
    const first = await seedDemoOrganization(db());
    const second = await seedDemoOrganization(db());
    expect(first || second).toBe(true);
    expect(second).toBe(false);
    const org = await db().organization.findFirstOrThrow({ where: { isDemo: true }, include: { memberships: true } });
    expect(org.memberships.map((m) => m.role).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.role).sort());
  });
});
