import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedBuiltinContent } from "@/server/services/seed/seed-builtin-content";
import { seedDemoOrganization, DEMO_ACCOUNTS } from "@/server/services/seed/seed-demo-organization";
import { seedDemoInterviews } from "@/server/services/seed/seed-demo-interviews";
import { DEMO_STORY_CANDIDATE, seedDemoVacancies } from "@/server/services/seed/seed-demo-vacancies";
import { callerFor } from "./factories";

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
    // Another test file (drift refreshers' demo timing) may have seeded the demo first in this shared database.
    const existed = (await db().organization.count({ where: { isDemo: true } })) > 0;
    const first = await seedDemoOrganization(db());
    const second = await seedDemoOrganization(db());
    expect(first).toBe(!existed);
    expect(second).toBe(false);
    const org = await db().organization.findFirstOrThrow({ where: { isDemo: true }, include: { memberships: true } });
    expect(org.memberships.map((m) => m.role).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.role).sort());
  });
});

describe("the demo's hiring flow", () => {
  const ORIGINAL = ["Amara Nwosu", "Daniel Fischer", "Leila Haddad", "Tomás Rivera", "Grace Whitfield", "Kenji Watanabe"];

  async function demoOrg() {
    await seedDemoOrganization(db());
    const org = await db().organization.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
    await seedDemoInterviews(db(), org.id);
    await seedDemoVacancies(db(), org.id);
    return org.id;
  }

  const userId = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

  it("gives the demo two vacancies with two-stage plans, weights, default panels and the demo hiring manager, once", async () => {
    const orgId = await demoOrg();
    const counts = async () =>
      Promise.all([db().candidate.count({ where: { orgId } }), db().interview.count({ where: { orgId } }), db().decision.count({ where: { orgId } })]);
    const before = await counts();
    expect(await seedDemoInterviews(db(), orgId)).toBe(false);
    expect(await seedDemoVacancies(db(), orgId)).toBe(false);
    expect(await counts()).toEqual(before);

    const vacancies = await db().vacancy.findMany({
      where: { orgId },
      orderBy: { title: "asc" },
      select: {
        title: true,
        status: true,
        managers: { select: { user: { select: { email: true } } } },
        stages: {
          orderBy: { position: "asc" },
          select: {
            name: true,
            position: true,
            counts: true,
            scriptVersion: { select: { publishedAt: true, script: { select: { title: true } } } },
            _count: { select: { panel: true, weights: true } },
          },
        },
      },
    });
    expect(vacancies.map((v) => [v.title, v.status, v.managers.map((m) => m.user.email)])).toEqual([
      ["Crisis Resolution Practitioner", "OPEN", ["manager@riverside.example"]],
      ["Mental Health Specialist", "OPEN", ["manager@riverside.example"]],
    ]);
    for (const vacancy of vacancies) {
      expect(vacancy.stages.map((s) => [s.position, s.name, s.scriptVersion?.script.title, s.counts])).toEqual([
        [1, "Screening call", "Screening call", true],
        [2, "Panel interview", "Mental Health Specialist panel", true],
      ]);
      for (const stage of vacancy.stages) {
        expect(stage.scriptVersion?.publishedAt).not.toBeNull();
        expect(stage._count.panel).toBe(2);
      }
    }
    // Stage weights on three stages; the crisis screening weighs as its script does.
    const weighted = vacancies.flatMap((v) => v.stages.map((s) => s._count.weights > 0));
    expect(weighted).toEqual([false, true, true, true]);
  });

  it("keeps the original demo candidates, interviews and scorecards, now at the Panel interview of their vacancy, each a person", async () => {
    const orgId = await demoOrg();
    const originals = await db().candidate.findMany({
      where: { orgId, name: { in: ORIGINAL } },
      select: {
        name: true,
        status: true,
        personId: true,
        vacancy: { select: { title: true } },
        stage: { select: { name: true } },
        interviews: { select: { status: true, stage: { select: { name: true } }, _count: { select: { panel: true, scorecards: true } } } },
      },
    });
    expect(originals.map((c) => c.name).sort()).toEqual([...ORIGINAL].sort());
    for (const c of originals) {
      expect([c.vacancy.title, c.stage?.name, c.status]).toEqual(["Mental Health Specialist", "Panel interview", "ACTIVE"]);
      expect(c.interviews).toHaveLength(1);
      expect(c.interviews[0]!.stage?.name).toBe("Panel interview");
      expect(c.interviews[0]!._count).toEqual({ panel: 3, scorecards: c.name === "Kenji Watanabe" ? 0 : 3 });
    }
    expect(new Set(originals.map((c) => c.personId)).size).toBe(6);
    expect(await db().candidate.count({ where: { orgId, personId: { notIn: (await db().person.findMany({ where: { orgId }, select: { id: true } })).map((p) => p.id) } } })).toBe(0);

    // What the browser tests read stays as it was: Sam Okafor's five submitted panels and Kenji tomorrow,
    // and the same three panelists in the calibration.
    const mine = await callerFor(await userId("interviewer1@riverside.example")).interviews.mine();
    expect(mine.submitted).toHaveLength(5);
    expect(mine.upcoming.map((r) => r.candidateName)).toEqual(["Kenji Watanabe"]);
    const panelists = await db().scorecard.findMany({ where: { orgId, status: "SUBMITTED" }, distinct: ["panelistId"], select: { panelist: { select: { email: true } } } });
    expect(panelists.map((p) => p.panelist.email).sort()).toEqual(["interviewer1@riverside.example", "interviewer2@riverside.example", "interviewer3@riverside.example"]);
    // One person applied to both vacancies.
    const wen = await db().candidate.findMany({ where: { orgId, name: "Wen Ashdown" }, select: { personId: true, vacancy: { select: { title: true } } } });
    expect(wen.map((c) => c.vacancy.title).sort()).toEqual(["Crisis Resolution Practitioner", "Mental Health Specialist"]);
    expect(new Set(wen.map((c) => c.personId)).size).toBe(1);
  });

  it("has candidates at every point of the pipeline: not scheduled, scheduled, waiting on a panelist, ready, in debrief, decided", async () => {
    const orgId = await demoOrg();
    const manager = callerFor(await userId("manager@riverside.example"));
    const boards: Record<string, Record<string, string[]>> = {};
    for (const vacancy of await db().vacancy.findMany({ where: { orgId }, select: { id: true, title: true } })) {
      const pipeline = await manager.vacancies.pipeline({ id: vacancy.id });
      boards[vacancy.title] = Object.fromEntries(
        pipeline.columns.map((column) => [
          column.label,
          column.cards.map((card) => `${card.name}: ${card.waiting.kind === "WAITING" ? `waiting on ${card.waiting.names.join(", ")}` : card.waiting.kind}`).sort(),
        ]),
      );
    }
    expect(boards).toEqual({
      "Mental Health Specialist": {
        "Screening call": ["Ibrahim Castell: waiting on Jordan Lee, Maria Costa", "Wen Ashdown: NOT_SCHEDULED"],
        "Panel interview": [
          "Amara Nwosu: READY",
          "Daniel Fischer: READY",
          "Grace Whitfield: READY",
          "Hana Moreau: DEBRIEF_OPEN",
          "Kenji Watanabe: waiting on Jordan Lee, Maria Costa, Sam Okafor",
          "Leila Haddad: READY",
          "Oskar Brennan: waiting on Maria Costa",
          "Tomás Rivera: READY",
        ],
        Appointed: [`${DEMO_STORY_CANDIDATE}: DECIDED`],
        Reserve: [],
        Rejected: ["Felix Amari: DECIDED", "Marek Olsen: DECIDED"],
        Withdrawn: [],
      },
      "Crisis Resolution Practitioner": {
        "Screening call": ["Aylin Korhonen: waiting on Jordan Lee, Maria Costa", "Bea Santoro: READY", "Wen Ashdown: NOT_SCHEDULED"],
        "Panel interview": ["Rashid Elmore: NOT_SCHEDULED"],
        Appointed: [],
        Reserve: [],
        Rejected: [],
        Withdrawn: [],
      },
    });
  });

  it("has one debrief in progress with a consensus entry and a comment beside the untouched scorecards", async () => {
    const orgId = await demoOrg();
    const open = await db().debrief.findMany({
      where: { orgId, status: "OPEN" },
      select: {
        candidate: { select: { name: true, status: true } },
        stage: { select: { name: true } },
        chair: { select: { email: true } },
        closedAt: true,
        decision: { select: { id: true } },
        entries: { select: { kind: true, rating: true, meanBefore: true, valueAfter: true, reason: true, itemId: true, competency: { select: { name: true } } } },
        comments: { select: { body: true, author: { select: { name: true } }, competency: { select: { name: true } } } },
      },
    });
    expect(open).toHaveLength(1);
    const [debrief] = open;
    expect([debrief!.candidate.name, debrief!.candidate.status, debrief!.stage.name, debrief!.chair?.email]).toEqual([
      "Hana Moreau",
      "ACTIVE",
      "Panel interview",
      "manager@riverside.example",
    ]);
    expect(debrief!.closedAt).toBeNull();
    expect(debrief!.decision).toBeNull();
    expect(debrief!.entries).toHaveLength(1);
    const entry = debrief!.entries[0]!;
    expect(entry).toMatchObject({ kind: "CONSENSUS", rating: 3, meanBefore: 2.5, valueAfter: 3, competency: { name: "Crisis handling" } });
    expect(entry.reason.length).toBeGreaterThan(10);
    expect(debrief!.comments).toEqual([{ body: expect.stringContaining("medication") as string, author: { name: "Maria Costa" }, competency: { name: "Cultural competence" } }]);

    // The panelists' own ratings of that question stay 4 and 1: the consensus sits beside them.
    const scores = await db().rating.findMany({
      where: { itemId: entry.itemId, competency: { name: "Crisis handling" }, scorecard: { interview: { candidate: { name: "Hana Moreau" } } } },
      select: { score: true, scorecard: { select: { panelist: { select: { name: true } } } } },
    });
    expect(scores.map((s) => [s.scorecard.panelist.name, s.score]).sort()).toEqual([
      ["Jordan Lee", 4],
      ["Maria Costa", 1],
    ]);
  });

  it("has decisions with their reasons and mechanical figures: advanced, appointed, rejected, one an override citing a competency", async () => {
    const orgId = await demoOrg();
    const decisions = await db().decision.findMany({
      where: { orgId },
      orderBy: { decidedAt: "asc" },
      select: {
        outcome: true,
        rationale: true,
        isOverride: true,
        overrideJustification: true,
        weightedScore: true,
        mechanicalRank: true,
        rankedOf: true,
        decidedAt: true,
        decidedBy: { select: { email: true } },
        nextStage: { select: { name: true } },
        stage: { select: { name: true } },
        candidate: { select: { name: true, status: true, decidedAt: true, stage: { select: { name: true } } } },
        debrief: { select: { status: true, closedAt: true } },
      },
    });
    expect(new Set(decisions.map((d) => d.outcome))).toEqual(new Set(["ADVANCE", "APPOINT", "REJECT"]));
    const competencyNames = (await db().competency.findMany({ where: { orgId: null }, select: { name: true } })).map((c) => c.name);
    for (const d of decisions) {
      expect(d.debrief).toEqual({ status: "CLOSED", closedAt: d.decidedAt });
      expect(d.decidedBy?.email).toBe("manager@riverside.example");
      expect(competencyNames.some((name) => d.rationale.includes(name)), d.rationale).toBe(true);
      expect(d.weightedScore).toBeGreaterThanOrEqual(1);
      expect(d.weightedScore).toBeLessThanOrEqual(4);
      expect(d.mechanicalRank).toBeGreaterThanOrEqual(1);
      expect(d.mechanicalRank).toBeLessThanOrEqual(d.rankedOf!);
      if (d.outcome === "ADVANCE") expect([d.stage.name, d.nextStage?.name]).toEqual(["Screening call", "Panel interview"]);
    }

    const overrides = decisions.filter((d) => d.isOverride);
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({ outcome: "REJECT", mechanicalRank: 1, candidate: { name: "Felix Amari", status: "REJECTED" } });
    expect(overrides[0]!.overrideJustification).toMatch(/^Ethics:/);
    for (const d of decisions.filter((x) => !x.isOverride)) expect(d.overrideJustification).toBeNull();

    // The candidate a newcomer follows: screened, advanced, interviewed by the panel, appointed.
    const story = decisions.filter((d) => d.candidate.name === DEMO_STORY_CANDIDATE);
    expect(story.map((d) => [d.stage.name, d.outcome])).toEqual([
      ["Screening call", "ADVANCE"],
      ["Panel interview", "APPOINT"],
    ]);
    expect(story[1]!.candidate).toMatchObject({ status: "HIRED", stage: { name: "Panel interview" } });
    expect(story[1]!.candidate.decidedAt).toEqual(story[1]!.decidedAt);
    // Rejected at the screening call, below every candidate already advanced: not an override.
    expect(decisions.find((d) => d.candidate.name === "Marek Olsen")).toMatchObject({
      outcome: "REJECT",
      isOverride: false,
      candidate: { status: "REJECTED", stage: { name: "Screening call" } },
    });
  });

  it("reads back through the debrief page's own procedure: the seeded figures are the ones it computes", async () => {
    const orgId = await demoOrg();
    const manager = callerFor(await userId("manager@riverside.example"));
    const debriefs = await db().debrief.findMany({
      where: { orgId },
      select: { id: true, candidate: { select: { name: true } }, decision: { select: { weightedScore: true, isOverride: true } } },
    });
    for (const { id, candidate, decision } of debriefs) {
      const view = await manager.debriefs.get({ id });
      // A candidate's own mechanical score rests on their own ratings only, all in before the decision.
      if (decision) expect(view.mechanical.mechanicalScore, candidate.name).toBeCloseTo(decision.weightedScore!, 9);
      if (decision) expect(view.decision?.isOverride).toBe(decision.isOverride);
    }
    const hana = debriefs.find((d) => d.candidate.name === "Hana Moreau" && !d.decision)!;
    const view = await manager.debriefs.get({ id: hana.id });
    expect(view.status).toBe("OPEN");
    expect(view.queue.map((u) => [u.number, u.competencyName, u.entry?.kind ?? null, u.comments.length])).toContainEqual([4, "Crisis handling", "CONSENSUS", 0]);
    expect(view.queue.map((u) => [u.number, u.competencyName, u.entry?.kind ?? null, u.comments.length])).toContainEqual([7, "Cultural competence", null, 1]);
    const crisis = view.queue.find((u) => u.competencyName === "Crisis handling" && u.number === 4)!;
    expect(crisis.ratings.map((r) => [r.panelistName, r.score])).toEqual([
      ["Jordan Lee", 4],
      ["Maria Costa", 1],
    ]);
    expect(crisis.notes.map((n) => n.panelistName)).toEqual(["Jordan Lee", "Maria Costa"]);
    // The consensus moves the figure beside the scorecards, not the scorecards.
    expect(view.mechanical.stageScoreAfter).not.toBe(view.mechanical.stageScore);
    const felix = debriefs.find((d) => d.candidate.name === "Felix Amari" && d.decision?.isOverride)!;
    const felixView = await manager.debriefs.get({ id: felix.id });
    expect(felixView.decision).toMatchObject({ outcome: "REJECT", isOverride: true });
    expect(felixView.mechanical.rank).toBe(1);
  });
});
