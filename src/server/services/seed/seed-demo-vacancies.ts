// The demo's hiring flow, from vacancy to decision: both demo vacancies get a two-stage interview plan
// ("Screening call" on a short published script, then "Panel interview" on the demo panel script), stage
// weights, default panels and the demo hiring manager, and candidates at every point of the pipeline: not yet
// scheduled, scheduled, waiting on a panelist, ready for a debrief, a debrief in progress, and decided
// (advanced, appointed, rejected, one rejection an override of the formula). Runs after seedDemoInterviews,
// whose six candidates stay exactly as they are (at the Panel interview of the Mental Health Specialist
// vacancy). Debriefs and decisions are written directly, with the figures the debrief computes from the
// seeded ratings (demo-figures.ts). Every person here is invented.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { seededRandom } from "@/lib/seeded-random";
import { DEMO_LENIENCY, DEMO_PANEL_STAGE, DEMO_SCRIPT_TITLE, DEMO_VACANCY_TITLE } from "./seed-demo-interviews";
import { rankAtStage } from "@/lib/debriefs/mechanical";
import type { DebriefOutcome as Outcome } from "@/lib/debriefs/outcomes";
import { overrideReason } from "@/lib/debriefs/override";
import { buildQueue } from "@/lib/debriefs/queue";
import { citedCompetencies } from "@/lib/debriefs/rationale";
import { daysFromToday, demoEmail, demoScorecard, summarise, type DemoItem, type DemoNote, type DemoRating } from "./_shared/demo-scorecards";
import { createSnapshotItems, demoId, DemoRows } from "./_shared/demo-rows";
import { stageScoresAsOf, type FigureRating, type FigureStage } from "./_shared/demo-figures";


export const DEMO_SCREENING_SCRIPT_TITLE = "Screening call";
export const DEMO_SCREENING_STAGE = "Screening call";
export const DEMO_SECOND_VACANCY_TITLE = "Crisis Resolution Practitioner";
/** The candidate a newcomer can follow from application to appointment (README, "What the demo shows"). */
export const DEMO_STORY_CANDIDATE = "Rosa Lindqvist";

type VacancyKey = "mhs" | "crisis";
type StageKey = "screening" | "panel";
type Panelist = "sam" | "jordan" | "maria";
/** Index into the demo interviewers (by email: interviewer1 Sam, interviewer2 Jordan, interviewer3 Maria). */
const PANELIST_INDEX: Record<Panelist, number> = { sam: 0, jordan: 1, maria: 2 };

/** A rating set by hand instead of drawn: the disagreements the debriefs are about. */
type Patch = { item: number; competency: string; scores: Partial<Record<Panelist, number>>; notes: Partial<Record<Panelist, string>> };
type InterviewPlan = { stage: StageKey; day: number; hour: number; panel: Panelist[]; submitted: Panelist[]; patches?: Patch[] };
type DebriefPlan = {
  stage: StageKey;
  day: number;
  hour: number;
  /** Closed with this decision; without it the debrief is still open. */
  decision?: { outcome: Outcome; rationale: string; overrideJustification?: string };
  /** The chair's entries on queued disagreements (item index and competency); the others are kept as the mean. */
  consensus?: Array<{ item: number; competency: string; rating: number; reason: string }>;
  comments?: Array<{ item: number; competency: string; by: Panelist; body: string }>;
};
type CandidatePlan = {
  name: string;
  vacancy: VacancyKey;
  appliedDay: number;
  level: number;
  interviews: InterviewPlan[];
  debriefs: DebriefPlan[];
};

const BOTH: Panelist[] = ["jordan", "maria"];

const CANDIDATES: CandidatePlan[] = [
  {
    name: DEMO_STORY_CANDIDATE,
    vacancy: "mhs",
    appliedDay: -20,
    level: 3.4,
    interviews: [
      { stage: "screening", day: -16, hour: 14, panel: BOTH, submitted: BOTH },
      { stage: "panel", day: -9, hour: 14, panel: BOTH, submitted: BOTH },
    ],
    debriefs: [
      {
        stage: "screening",
        day: -15,
        hour: 9,
        decision: {
          outcome: "ADVANCE",
          rationale: "Warm, specific answers on Client engagement and Empathy; described checking consent first, so no concern on Ethics.",
        },
      },
      {
        stage: "panel",
        day: -8,
        hour: 9,
        decision: {
          outcome: "APPOINT",
          rationale:
            "Consistently strong on Crisis handling and Clinical judgement at both stages: safe, concrete plans that involved the client. Good Collaboration with the crisis team.",
        },
      },
    ],
  },
  {
    name: "Felix Amari",
    vacancy: "mhs",
    appliedDay: -19,
    level: 4,
    interviews: [
      { stage: "screening", day: -15, hour: 14, panel: BOTH, submitted: BOTH },
      {
        stage: "panel",
        day: -8,
        hour: 14,
        panel: BOTH,
        submitted: BOTH,
        patches: [
          {
            item: 2,
            competency: "ethics",
            scores: { jordan: 4, maria: 2 },
            notes: {
              jordan: "Knew the confidentiality rules well and quoted them accurately.",
              maria: "Said he would tell the client's mother about the overdose risk without asking the client first; did not see a problem when probed.",
            },
          },
        ],
      },
    ],
    debriefs: [
      {
        stage: "screening",
        day: -14,
        hour: 9,
        decision: { outcome: "ADVANCE", rationale: "Highest screening score: excellent Clinical judgement and Advocacy examples." },
      },
      {
        stage: "panel",
        day: -7,
        hour: 9,
        consensus: [
          {
            item: 2,
            competency: "ethics",
            rating: 2,
            reason: "The panel agreed the answer shows he would share risk information without consent; the 4 rested on knowing the rules, not on what he would do.",
          },
        ],
        decision: {
          outcome: "REJECT",
          rationale: "Top scores on Crisis handling and Clinical judgement, but the panel's consensus on Ethics (question 3) is a 2.",
          overrideJustification:
            "Ethics: he would share a client's risk information with a relative without consent or a safeguarding reason, and did not see the problem when asked. For this post an Ethics concern outweighs higher scores elsewhere, so the panel does not appoint the top-ranked candidate.",
        },
      },
    ],
  },
  {
    name: "Hana Moreau",
    vacancy: "mhs",
    appliedDay: -18,
    level: 3,
    interviews: [
      { stage: "screening", day: -14, hour: 14, panel: BOTH, submitted: BOTH },
      {
        stage: "panel",
        day: -3,
        hour: 14,
        panel: BOTH,
        submitted: BOTH,
        patches: [
          {
            item: 3,
            competency: "crisis-handling",
            scores: { jordan: 4, maria: 1 },
            notes: {
              jordan: "Stayed calm, removed the means and called the crisis team; clear safety plan.",
              maria: "Described a plan only after prompting; unclear whom she would call first.",
            },
          },
          {
            item: 6,
            competency: "cultural-competence",
            scores: { jordan: 1, maria: 3 },
            notes: {
              jordan: "Did not consider the family's background when planning; the answer stayed general.",
              maria: "Asked how the family wanted to be involved and adapted the plan to their beliefs.",
            },
          },
        ],
      },
    ],
    debriefs: [
      {
        stage: "screening",
        day: -13,
        hour: 9,
        decision: { outcome: "ADVANCE", rationale: "Solid Empathy and Collaboration on the call; Ethics answer sound." },
      },
      {
        stage: "panel",
        day: -1,
        hour: 9,
        consensus: [
          {
            item: 3,
            competency: "crisis-handling",
            rating: 3,
            reason: "Both agreed the plan was safe and complete once she got to it; the prompt was about order, not content.",
          },
        ],
        comments: [
          {
            item: 6,
            competency: "cultural-competence",
            by: "maria",
            body: "She asked what the family believed about medication before suggesting anything. I'd like us to look at this one together.",
          },
        ],
      },
    ],
  },
  {
    name: "Oskar Brennan",
    vacancy: "mhs",
    appliedDay: -17,
    level: 2.8,
    interviews: [
      { stage: "screening", day: -12, hour: 14, panel: BOTH, submitted: BOTH },
      // Waiting on Maria Costa: her scorecard is not started.
      { stage: "panel", day: -2, hour: 14, panel: BOTH, submitted: ["jordan"] },
    ],
    debriefs: [
      {
        stage: "screening",
        day: -11,
        hour: 9,
        decision: { outcome: "ADVANCE", rationale: "Adequate Client engagement; worth seeing on Crisis handling at the panel." },
      },
    ],
  },
  {
    name: "Marek Olsen",
    vacancy: "mhs",
    appliedDay: -15,
    level: 1.6,
    interviews: [{ stage: "screening", day: -10, hour: 14, panel: BOTH, submitted: BOTH }],
    debriefs: [
      {
        stage: "screening",
        day: -9,
        hour: 9,
        decision: {
          outcome: "REJECT",
          rationale: "Client engagement and Empathy answers stayed general, with no example of his own practice; lowest screening score.",
        },
      },
    ],
  },
  { name: "Ibrahim Castell", vacancy: "mhs", appliedDay: -6, level: 3, interviews: [{ stage: "screening", day: 2, hour: 14, panel: BOTH, submitted: [] }], debriefs: [] },
  { name: "Wen Ashdown", vacancy: "mhs", appliedDay: -2, level: 3, interviews: [], debriefs: [] },
  {
    name: "Rashid Elmore",
    vacancy: "crisis",
    appliedDay: -14,
    level: 3.1,
    interviews: [{ stage: "screening", day: -11, hour: 14, panel: BOTH, submitted: BOTH }],
    debriefs: [
      {
        stage: "screening",
        day: -10,
        hour: 9,
        decision: { outcome: "ADVANCE", rationale: "Clear Advocacy and Collaboration examples from crisis work; invite to the panel." },
      },
    ],
  },
  // Every scorecard in, no debrief yet: ready for one.
  { name: "Bea Santoro", vacancy: "crisis", appliedDay: -10, level: 2.6, interviews: [{ stage: "screening", day: -4, hour: 16, panel: BOTH, submitted: BOTH }], debriefs: [] },
  { name: "Aylin Korhonen", vacancy: "crisis", appliedDay: -5, level: 3, interviews: [{ stage: "screening", day: 3, hour: 14, panel: BOTH, submitted: [] }], debriefs: [] },
  // The same person as the Mental Health Specialist applicant: one person, two candidacies.
  { name: "Wen Ashdown", vacancy: "crisis", appliedDay: -2, level: 3, interviews: [], debriefs: [] },
];

/** Stage weights (competency slug → weight); a stage without any uses its script version's own weights. */
const STAGE_WEIGHTS: Record<VacancyKey, Partial<Record<StageKey, Record<string, number>>>> = {
  mhs: {
    screening: { "client-engagement": 20, empathy: 20, ethics: 20, "clinical-judgement": 10, advocacy: 10, collaboration: 10, resilience: 10 },
    panel: {
      ethics: 20,
      "crisis-handling": 20,
      "clinical-judgement": 15,
      empathy: 15,
      "client-engagement": 10,
      collaboration: 10,
      "cultural-competence": 5,
      resilience: 5,
    },
  },
  crisis: {
    panel: {
      "crisis-handling": 25,
      resilience: 15,
      "clinical-judgement": 15,
      collaboration: 15,
      ethics: 10,
      empathy: 10,
      "client-engagement": 5,
      "cultural-competence": 5,
    },
  },
};

type StageRow = { id: string; key: StageKey; vacancyKey: VacancyKey; versionId: string; figure: FigureStage };
type Question = { itemId: string; number: number; text: string; competencies: Array<{ id: string; name: string }> };
/** A submitted scorecard as the debrief reads it: for the queue, in panel order. */
type Card = { scorecardId: string; panelistId: string; panelistName: string; submittedAt: Date; ratings: DemoRating[]; notes: DemoNote[] };

/**
 * Seeds the demo vacancies' plans, candidates, debriefs and decisions into an organisation that has the
 * demo interviews. Does nothing (returns false) when the second demo vacancy already exists there.
 */
export async function seedDemoVacancies(db: Db, orgId: string): Promise<boolean> {
  const itemSelect = { id: true, text: true, competencies: { orderBy: { position: "asc" }, select: { competencyId: true } } } as const;
  const [existing, members, mhs, screeningQuestions, competencies] = await Promise.all([
    db.vacancy.findFirst({ where: { orgId, title: DEMO_SECOND_VACANCY_TITLE }, select: { id: true } }),
    db.membership.findMany({
      where: { orgId },
      select: { role: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { email: "asc" } },
    }),
    db.vacancy.findFirst({
      where: { orgId, title: DEMO_VACANCY_TITLE },
      select: {
        id: true,
        stages: {
          where: { name: DEMO_PANEL_STAGE },
          select: {
            id: true,
            scriptVersionId: true,
            scriptVersion: {
              select: {
                weights: { select: { competencyId: true, weight: true } },
                sections: { orderBy: { position: "asc" }, select: { items: { orderBy: { position: "asc" }, select: itemSelect } } },
              },
            },
          },
        },
      },
    }),
    db.question.findMany({
      where: { bank: { orgId: null, slug: "mental-health-specialist" } },
      orderBy: { position: "asc" },
      skip: 8,
      take: 3,
      select: { id: true, text: true, howToAnswer: true, exampleAnswer: true, competencies: { orderBy: { position: "asc" }, select: { competencyId: true } } },
    }),
    db.competency.findMany({ where: { orgId: null }, select: { id: true, slug: true, name: true } }),
  ]);
  if (existing) return false;
  const manager = members.find((m) => m.role === "HIRING_MANAGER") ?? members.find((m) => m.role === "ADMIN");
  const interviewers = members.filter((m) => m.role === "INTERVIEWER").slice(0, 3).map((m) => m.user);
  const panelStage = mhs?.stages[0];
  const panelVersionId = panelStage?.scriptVersionId;
  const panelScript = panelStage?.scriptVersion;
  if (!manager || interviewers.length < 3 || !mhs || !panelStage || !panelVersionId || !panelScript) {
    throw new Error(`Seed the demo interviews ("${DEMO_SCRIPT_TITLE}") before the demo vacancies.`);
  }
  if (screeningQuestions.length < 3) throw new Error("Seed the built-in question banks before the demo vacancies.");
  const userOf = (p: Panelist) => interviewers[PANELIST_INDEX[p]]!.id;
  const nameOf = new Map(interviewers.map((u) => [u.id, u.name]));
  const competencyId = new Map(competencies.map((c) => [c.slug, c.id]));
  const competencyName = new Map(competencies.map((c) => [c.id, c.name]));
  const idOf = (slug: string) => {
    const id = competencyId.get(slug);
    if (!id) throw new Error(`Demo vacancies: unknown competency "${slug}".`);
    return id;
  };
  const random = seededRandom(20261205);

  await db.$transaction(
    async (tx) => {
      // The screening script: three questions, twenty minutes.
      const screeningCompetencies = [...new Set(screeningQuestions.flatMap((q) => q.competencies.map((c) => c.competencyId)))];
      const base = Math.floor(100 / screeningCompetencies.length);
      const screeningWeights = screeningCompetencies.map((id, i) => ({
        competencyId: id,
        weight: base + (i < 100 - base * screeningCompetencies.length ? 1 : 0),
        position: i,
      }));
      const screening = await tx.interviewScript.create({
        data: {
          orgId,
          title: DEMO_SCREENING_SCRIPT_TITLE,
          role: "Community mental health roles",
          status: "PUBLISHED",
          createdById: manager.user.id,
          versions: {
            create: {
              version: 1,
              plannedMinutes: 20,
              // Published after the panel script, which stays the demo's first published script.
              publishedAt: daysFromToday(-20),
              instructions: "A short call before the panel: introduce yourself, ask the three questions and note what the candidate did.",
              weights: { createMany: { data: screeningWeights } },
              sections: { create: { position: 0, title: "Screening" } },
            },
          },
        },
        select: { versions: { select: { id: true, sections: { select: { id: true } } } } },
      });
      const screeningVersionId = screening.versions[0]!.id;
      const screeningSection = screening.versions[0]!.sections[0]!.id;
      const screeningItems = await createSnapshotItems(tx, screeningSection, screeningQuestions, { minutes: 6, probes: ["What did you do next?"] });
      const panelItems = panelScript.sections.flatMap((section) => section.items);
      const itemsByVersion = new Map<string, DemoItem[]>([
        [screeningVersionId, screeningItems],
        [panelVersionId, panelItems.map((item) => ({ id: item.id, competencyIds: item.competencies.map((c) => c.competencyId) }))],
      ]);
      const question = (number: number, itemId: string, text: string, ids: string[]): Question => ({
        itemId,
        number,
        text,
        competencies: ids.map((id) => ({ id, name: competencyName.get(id)! })),
      });
      const questionsByVersion = new Map<string, Question[]>([
        [screeningVersionId, screeningItems.map((item, i) => question(i + 1, item.id, screeningQuestions[i]!.text, item.competencyIds))],
        [panelVersionId, panelItems.map((item, i) => question(i + 1, item.id, item.text, item.competencies.map((c) => c.competencyId)))],
      ]);

      // The plans: the Mental Health Specialist vacancy gains the screening call before its panel interview;
      // the crisis vacancy has the same two stages. Default panels: Jordan Lee and Maria Costa.
      const crisisId = demoId();
      const stageIds: Record<VacancyKey, Record<StageKey, string>> = {
        mhs: { screening: demoId(), panel: panelStage.id },
        crisis: { screening: demoId(), panel: demoId() },
      };
      const vacancyIds: Record<VacancyKey, string> = { mhs: mhs.id, crisis: crisisId };
      await tx.vacancy.create({
        data: {
          id: crisisId,
          orgId,
          title: DEMO_SECOND_VACANCY_TITLE,
          department: "Crisis resolution and home treatment",
          location: "Riverside clinic, crisis hub",
          posts: 1,
          opensOn: daysFromToday(-25, 0),
          closesOn: daysFromToday(10, 0),
          createdAt: daysFromToday(-25),
          managers: { create: { userId: manager.user.id } },
        },
      });
      await tx.vacancyStage.update({ where: { id: panelStage.id }, data: { position: 2 } });
      await tx.vacancyStage.createMany({
        data: [
          { id: stageIds.mhs.screening, vacancyId: mhs.id, position: 1, name: DEMO_SCREENING_STAGE, scriptVersionId: screeningVersionId },
          { id: stageIds.crisis.screening, vacancyId: crisisId, position: 1, name: DEMO_SCREENING_STAGE, scriptVersionId: screeningVersionId },
          { id: stageIds.crisis.panel, vacancyId: crisisId, position: 2, name: DEMO_PANEL_STAGE, scriptVersionId: panelVersionId },
        ],
      });
      await tx.vacancyStagePanelist.deleteMany({ where: { stageId: panelStage.id } });
      const allStageIds = Object.values(stageIds).flatMap((byKey) => Object.values(byKey));
      await tx.vacancyStagePanelist.createMany({ data: allStageIds.flatMap((stageId) => BOTH.map((p) => ({ stageId, userId: userOf(p) }))) });

      // Stage weights where the plan sets them; the rest weigh as their script version does.
      const stages: StageRow[] = [];
      const stageWeights: Prisma.VacancyStageWeightCreateManyInput[] = [];
      for (const vacancyKey of ["mhs", "crisis"] as const) {
        for (const [position, key] of [[1, "screening"], [2, "panel"]] as const) {
          const id = stageIds[vacancyKey][key];
          const versionId = key === "screening" ? screeningVersionId : panelVersionId;
          const own = STAGE_WEIGHTS[vacancyKey][key];
          const weights = own
            ? new Map(Object.entries(own).map(([slug, weight]) => [idOf(slug), weight]))
            : new Map((key === "screening" ? screeningWeights : panelScript.weights).map((w) => [w.competencyId, w.weight]));
          if (own) stageWeights.push(...[...weights].map(([cid, weight]) => ({ stageId: id, competencyId: cid, weight })));
          stages.push({ id, key, vacancyKey, versionId, figure: { id, position, counts: true, weights } });
        }
      }
      await tx.vacancyStageWeight.createMany({ data: stageWeights });
      const stageRow = (vacancyKey: VacancyKey, key: StageKey) => stages.find((s) => s.vacancyKey === vacancyKey && s.key === key)!;

      // Candidates (one person per name, placed where their decisions leave them), interviews and scorecards.
      const rows = new DemoRows();
      const people = new Map<string, string>();
      const candidateIds = new Map<CandidatePlan, string>();
      const cards = new Map<string, Card[]>();
      for (const plan of CANDIDATES) {
        let personId = people.get(plan.name);
        if (!personId) people.set(plan.name, (personId = rows.person(orgId, daysFromToday(plan.appliedDay))));
        const candidateId = rows.candidate({
          orgId,
          name: plan.name,
          email: demoEmail(plan.name),
          vacancyId: vacancyIds[plan.vacancy],
          ...whereDecisionsLeave(plan, stageIds[plan.vacancy]),
          personId,
          notes: "Demo candidate: invented person.",
          createdAt: daysFromToday(plan.appliedDay),
        });
        candidateIds.set(plan, candidateId);
        for (const interview of plan.interviews) {
          const stage = stageRow(plan.vacancy, interview.stage);
          const submitted = addInterview(rows, { orgId, candidateId, stage, plan, interview, userOf, items: itemsByVersion, random, idOf });
          cards.set(`${candidateId}/${stage.id}`, submitted.map((card) => ({ ...card, panelistName: nameOf.get(card.panelistId)! })));
        }
      }
      await rows.write(tx);

      // What the mechanical result comes from: every submitted rating of the two vacancies' candidates.
      const ratingRows = await tx.rating.findMany({
        where: { score: { not: null }, scorecard: { status: "SUBMITTED", interview: { candidate: { vacancyId: { in: [mhs.id, crisisId] } } } } },
        select: {
          competencyId: true,
          score: true,
          scorecard: { select: { submittedAt: true, interview: { select: { candidateId: true, stageId: true } } } },
        },
      });
      const ratings: FigureRating[] = ratingRows.flatMap((r) =>
        r.scorecard.interview.stageId
          ? [
              {
                candidateId: r.scorecard.interview.candidateId,
                stageId: r.scorecard.interview.stageId,
                competencyId: r.competencyId,
                score: r.score!,
                submittedAt: r.scorecard.submittedAt!,
              },
            ]
          : [],
      );

      // The debriefs in the order they happened, so each decision is judged against the ones before it.
      const debriefs = CANDIDATES.flatMap((plan) => plan.debriefs.map((debrief) => ({ plan, debrief, at: daysFromToday(debrief.day, debrief.hour) }))).sort(
        (a, b) => a.at.getTime() - b.at.getTime(),
      );
      const decided = new Map<string, Array<{ candidateId: string; name: string; outcome: Outcome }>>();
      const written = {
        debriefs: [] as Prisma.DebriefCreateManyInput[],
        entries: [] as Prisma.DebriefEntryCreateManyInput[],
        comments: [] as Prisma.DebriefCommentCreateManyInput[],
        decisions: [] as Prisma.DecisionCreateManyInput[],
      };
      for (const { plan, debrief, at } of debriefs) {
        const candidateId = candidateIds.get(plan)!;
        const stage = stageRow(plan.vacancy, debrief.stage);
        const questions = questionsByVersion.get(stage.versionId)!;
        const raters = (cards.get(`${candidateId}/${stage.id}`) ?? []).filter((card) => card.submittedAt <= at);
        const queue = buildQueue({
          questions,
          raters,
          ratings: raters.flatMap((card) => card.ratings.map((r) => ({ ...r, scorecardId: card.scorecardId }))),
          notes: raters.flatMap((card) => card.notes.map((n) => ({ ...n, scorecardId: card.scorecardId }))),
        });
        const unitOf = (item: number, competency: string) => {
          const unit = queue.find((u) => u.itemId === questions[item]!.itemId && u.competencyId === idOf(competency));
          if (!unit) throw new Error(`Demo vacancies: ${plan.name}'s debrief names question ${item + 1} × ${competency}, which is not queued.`);
          return unit;
        };
        const closedAt = debrief.decision ? decisionTime(debrief) : null;
        const debriefId = demoId();
        written.debriefs.push({
          id: debriefId,
          orgId,
          candidateId,
          stageId: stage.id,
          chairId: manager.user.id,
          status: closedAt ? "CLOSED" : "OPEN",
          openedAt: at,
          closedAt,
        });
        // The chair's entries: the consensus ones planned; a closed debrief went through the rest of its queue
        // keeping the mean.
        const consensus = (debrief.consensus ?? []).map((c) => ({ ...c, unit: unitOf(c.item, c.competency) }));
        const kept = closedAt ? queue.filter((u) => !consensus.some((c) => c.unit === u)) : [];
        const entries = [
          ...consensus.map((c) => ({ unit: c.unit, kind: "CONSENSUS" as const, rating: c.rating, reason: c.reason })),
          ...kept.map((unit) => ({ unit, kind: "KEEP_MEAN" as const, rating: null, reason: "" })),
        ].sort((a, b) => queue.indexOf(a.unit) - queue.indexOf(b.unit));
        written.entries.push(
          ...entries.map((e, i) => ({
            debriefId,
            itemId: e.unit.itemId,
            competencyId: e.unit.competencyId,
            kind: e.kind,
            rating: e.rating,
            meanBefore: e.unit.mean,
            valueAfter: e.rating ?? e.unit.mean,
            reason: e.reason,
            recordedById: manager.user.id,
            recordedAt: new Date(at.getTime() + (10 + i * 5) * 60_000),
          })),
        );
        for (const comment of debrief.comments ?? []) {
          const unit = unitOf(comment.item, comment.competency);
          written.comments.push({
            debriefId,
            itemId: unit.itemId,
            competencyId: unit.competencyId,
            authorId: userOf(comment.by),
            body: comment.body,
            createdAt: new Date(at.getTime() + 5 * 60_000),
          });
        }
        if (!debrief.decision || !closedAt) continue;

        // The decision, with the mechanical result it was taken against (as it stood when it was taken).
        const { outcome, rationale, overrideJustification } = debrief.decision;
        const planStages = stages.filter((s) => s.vacancyKey === plan.vacancy).map((s) => s.figure);
        const ranking = rankAtStage(stageScoresAsOf(ratings, planStages, closedAt), planStages, stage.id);
        const own = ranking.get(candidateId);
        const before = (decided.get(stage.id) ?? []).map((d) => ({ name: d.name, outcome: d.outcome, rank: ranking.get(d.candidateId)?.rank ?? null }));
        const reason = overrideReason({ name: plan.name, rank: own?.rank ?? null, rankedOf: ranking.size }, outcome, before);
        if ((reason !== null) !== Boolean(overrideJustification)) {
          throw new Error(`Demo vacancies: by the seeded ratings ${plan.name}'s ${outcome} ${reason ? `is an override (${reason})` : "is not an override"}.`);
        }
        const weighted = stage.figure.weights;
        const cited = citedCompetencies(rationale, [...weighted.keys()].map((id) => competencyName.get(id)!));
        if (!cited.length) throw new Error(`Demo vacancies: ${plan.name}'s rationale cites none of the stage's competencies.`);
        written.decisions.push({
          orgId,
          debriefId,
          candidateId,
          stageId: stage.id,
          outcome,
          nextStageId: outcome === "ADVANCE" ? stageIds[plan.vacancy].panel : null,
          rationale,
          isOverride: reason !== null,
          overrideJustification: overrideJustification ?? null,
          weightedScore: own?.score ?? null,
          mechanicalRank: own?.rank ?? null,
          rankedOf: own ? ranking.size : null,
          decidedById: manager.user.id,
          decidedAt: closedAt,
        });
        decided.set(stage.id, [...(decided.get(stage.id) ?? []), { candidateId, name: plan.name, outcome }]);
      }
      await tx.debrief.createMany({ data: written.debriefs });
      await tx.debriefEntry.createMany({ data: written.entries });
      await tx.debriefComment.createMany({ data: written.comments });
      await tx.decision.createMany({ data: written.decisions });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return true;
}

/** A debrief closes, with its decision, 40 minutes after it opens. */
function decisionTime(debrief: DebriefPlan): Date {
  return new Date(daysFromToday(debrief.day, debrief.hour).getTime() + 40 * 60_000);
}

/**
 * The stage and status a candidate's decisions leave them at, as recording them does (ADVANCE moves the
 * candidate to the next stage, APPOINT hires, RESERVE and REJECT decide): written with the candidate.
 */
function whereDecisionsLeave(plan: CandidatePlan, stageIds: Record<StageKey, string>) {
  const decisions = plan.debriefs.filter((d) => d.decision).sort((a, b) => decisionTime(a).getTime() - decisionTime(b).getTime());
  let state: { stageId: string; status?: "HIRED" | "RESERVE" | "REJECTED"; decidedAt?: Date } = { stageId: stageIds.screening };
  for (const debrief of decisions) {
    const outcome = debrief.decision!.outcome;
    if (outcome === "ADVANCE") state = { stageId: stageIds.panel };
    else state = { ...state, status: outcome === "APPOINT" ? "HIRED" : outcome === "RESERVE" ? "RESERVE" : "REJECTED", decidedAt: decisionTime(debrief) };
  }
  return state;
}

/** Adds an interview with its panel and submitted scorecards; returns the scorecards. */
function addInterview(
  rows: DemoRows,
  args: {
    orgId: string;
    candidateId: string;
    stage: StageRow;
    plan: CandidatePlan;
    interview: InterviewPlan;
    userOf: (p: Panelist) => string;
    items: Map<string, DemoItem[]>;
    random: () => number;
    idOf: (slug: string) => string;
  },
): Array<Omit<Card, "panelistName">> {
  const { orgId, candidateId, stage, plan, interview, userOf, random, idOf } = args;
  const items = args.items.get(stage.versionId)!;
  const scheduledAt = daysFromToday(interview.day, interview.hour);
  const past = interview.day < 0;
  const complete = interview.submitted.length === interview.panel.length;
  const interviewId = rows.interview(
    {
      orgId,
      candidateId,
      scriptVersionId: stage.versionId,
      stageId: stage.id,
      scheduledAt,
      location: stage.key === "screening" ? "Phone call" : "Riverside clinic, room 3",
      status: past && complete ? "COMPLETED" : "SCHEDULED",
    },
    interview.panel.map(userOf),
  );
  return interview.submitted.map((panelist) => {
    const { ratings, notes } = demoScorecard(random, items, plan.level, DEMO_LENIENCY[PANELIST_INDEX[panelist]]!);
    for (const patch of interview.patches ?? []) {
      const itemId = items[patch.item]!.id;
      const score = patch.scores[panelist];
      const rating = ratings.find((r) => r.itemId === itemId && r.competencyId === idOf(patch.competency));
      if (!rating) throw new Error(`Demo vacancies: question ${patch.item + 1} does not rate ${patch.competency}.`);
      if (score !== undefined) Object.assign(rating, { score, notAssessed: false });
      const body = patch.notes[panelist];
      const note = notes.find((n) => n.itemId === itemId);
      if (body && note) note.body = body;
      else if (body) notes.push({ itemId, body });
    }
    const offset = (stage.key === "screening" ? 35 : 75) + PANELIST_INDEX[panelist] * 20;
    const submittedAt = new Date(scheduledAt.getTime() + offset * 60_000);
    const panelistId = userOf(panelist);
    const scorecardId = rows.submittedScorecard({ orgId, interviewId, panelistId, ...summarise(ratings), startedAt: scheduledAt, submittedAt, ratings, notes });
    return { scorecardId, panelistId, submittedAt, ratings, notes };
  });
}
