// Demo interviews for the demo organisation: a published Mental Health Specialist script, the Mental Health
// Specialist vacancy (one stage, "Panel interview", on that script), six candidates (one person each), five
// finished interviews with three submitted scorecards each, and one interview tomorrow. Ratings come
// from a seeded pseudo-random generator, so every fresh demo database holds the same numbers: each
// candidate has a true level, each panelist a leniency, plus noise, which is what the insights pages are
// meant to reveal.
import type { Db } from "@/server/db";
import { seededRandom } from "@/lib/seeded-random";
import { daysFromToday, demoEmail, demoScorecard, summarise, type DemoItem } from "./_shared/demo-scorecards";
import { createSnapshotItems, DemoRows } from "./_shared/demo-rows";

export const DEMO_SCRIPT_TITLE = "Mental Health Specialist panel";
/** The vacancy the demo candidates applied to (it was their position before vacancies existed). */
export const DEMO_VACANCY_TITLE = "Mental Health Specialist";
export const DEMO_PANEL_STAGE = "Panel interview";
const QUESTION_COUNT = 8;

/** Invented people; `level` is the candidate's true competence on the 1..4 scale. */
const CANDIDATES = [
  { name: "Amara Nwosu", level: 3.5, daysAgo: 13 },
  { name: "Daniel Fischer", level: 2.2, daysAgo: 10 },
  { name: "Leila Haddad", level: 3.0, daysAgo: 8 },
  { name: "Tomás Rivera", level: 2.7, daysAgo: 5 },
  { name: "Grace Whitfield", level: 1.8, daysAgo: 2 },
  { name: "Kenji Watanabe", level: null, daysAgo: -1 },
] as const;

/** How much harder or softer each interviewer rates than the truth (interviewer1 lenient, interviewer3 strict). */
export const DEMO_LENIENCY = [0.5, 0, -0.5];

/**
 * Seeds the demo interviews into an organisation that has a hiring manager and at least three
 * interviewers. Does nothing (returns false) when the demo script already exists there.
 */
export async function seedDemoInterviews(db: Db, orgId: string): Promise<boolean> {
  const existing = await db.interviewScript.findFirst({ where: { orgId, title: DEMO_SCRIPT_TITLE }, select: { id: true } });
  if (existing) return false;

  const members = await db.membership.findMany({
    where: { orgId },
    select: { role: true, user: { select: { id: true, email: true } } },
    orderBy: { user: { email: "asc" } },
  });
  const manager = members.find((m) => m.role === "HIRING_MANAGER") ?? members.find((m) => m.role === "ADMIN");
  const interviewers = members.filter((m) => m.role === "INTERVIEWER").slice(0, 3).map((m) => m.user.id);
  if (!manager || interviewers.length < 3) {
    throw new Error("Demo interviews need a hiring manager (or admin) and three interviewers in the organisation.");
  }

  const questions = await db.question.findMany({
    where: { bank: { orgId: null, slug: "mental-health-specialist" } },
    orderBy: { position: "asc" },
    take: QUESTION_COUNT,
    select: {
      id: true,
      text: true,
      howToAnswer: true,
      exampleAnswer: true,
      competencies: { orderBy: { position: "asc" }, select: { competencyId: true } },
    },
  });
  if (questions.length < QUESTION_COUNT) throw new Error("Seed the built-in question banks before the demo interviews.");

  const competencyIds = [...new Set(questions.flatMap((q) => q.competencies.map((c) => c.competencyId)))];
  const baseWeight = Math.floor(100 / competencyIds.length);
  const weights = competencyIds.map((_, i) => baseWeight + (i < 100 - baseWeight * competencyIds.length ? 1 : 0));
  const random = seededRandom(20261123);

  await db.$transaction(
    async (tx) => {
      const publishedAt = daysFromToday(-21);
      const script = await tx.interviewScript.create({
        data: {
          orgId,
          title: DEMO_SCRIPT_TITLE,
          role: DEMO_VACANCY_TITLE,
          status: "PUBLISHED",
          createdById: manager.user.id,
          versions: {
            create: {
              version: 1,
              plannedMinutes: 60,
              publishedAt,
              instructions:
                "Welcome the candidate, introduce the panel and explain that every candidate gets the same questions. " +
                "Take notes on what they did, not on impressions; rate each competency on your own before the debrief.",
              weights: { createMany: { data: competencyIds.map((competencyId, i) => ({ competencyId, weight: weights[i]!, position: i })) } },
            },
          },
        },
        select: { versions: { select: { id: true } } },
      });
      const versionId = script.versions[0]!.id;

      // Two sections of four questions, each item a snapshot of its bank question.
      const items: DemoItem[] = [];
      for (const [s, title] of ["Engagement and ethics", "Crisis and teamwork"].entries()) {
        const section = await tx.scriptSection.create({ data: { versionId, position: s, title }, select: { id: true } });
        const probes = ["What did you do next?", "What would you do differently?"];
        items.push(...(await createSnapshotItems(tx, section.id, questions.slice(s * 4, s * 4 + 4), { minutes: 7, probes })));
      }

      // The vacancy the candidates applied to, with a one-stage plan on this script (the demo's vacancies
      // seed adds the screening call before it).
      const vacancy = await tx.vacancy.create({
        data: {
          orgId,
          title: DEMO_VACANCY_TITLE,
          department: "Community mental health team",
          location: "Riverside clinic",
          posts: 2,
          opensOn: daysFromToday(-30, 0),
          closesOn: daysFromToday(21, 0),
          createdAt: daysFromToday(-30),
          managers: { create: { userId: manager.user.id } },
          stages: {
            create: {
              position: 1,
              name: DEMO_PANEL_STAGE,
              scriptVersionId: versionId,
              panel: { createMany: { data: interviewers.map((userId) => ({ userId })) } },
            },
          },
        },
        select: { id: true, stages: { select: { id: true } } },
      });
      const stageId = vacancy.stages[0]!.id;

      const rows = new DemoRows();
      for (const candidateSeed of CANDIDATES) {
        const candidateId = rows.candidate({
          orgId,
          name: candidateSeed.name,
          vacancyId: vacancy.id,
          stageId,
          personId: rows.person(orgId),
          email: demoEmail(candidateSeed.name),
          notes: "Demo candidate: invented person.",
        });
        const scheduledAt = daysFromToday(-candidateSeed.daysAgo);
        const past = candidateSeed.level !== null;
        const interviewId = rows.interview(
          {
            orgId,
            candidateId,
            scriptVersionId: versionId,
            stageId,
            scheduledAt,
            location: past ? "Riverside clinic, room 2" : "Video call: https://meet.example/riverside-panel",
            status: past ? "COMPLETED" : "SCHEDULED",
          },
          interviewers,
        );
        if (candidateSeed.level === null) continue;

        for (const [p, panelistId] of interviewers.entries()) {
          const { ratings, notes } = demoScorecard(random, items, candidateSeed.level, DEMO_LENIENCY[p]!);
          rows.submittedScorecard({
            orgId,
            interviewId,
            panelistId,
            ...summarise(ratings),
            startedAt: scheduledAt,
            submittedAt: new Date(scheduledAt.getTime() + (75 + p * 20) * 60_000),
            ratings,
            notes,
          });
        }
      }
      await rows.write(tx);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return true;
}
