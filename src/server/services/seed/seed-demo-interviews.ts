// Demo interviews for the demo organisation: a published Mental Health Specialist script, six candidates,
// five finished interviews with three submitted scorecards each, and one interview tomorrow. Ratings come
// from a seeded pseudo-random generator, so every fresh demo database holds the same numbers: each
// candidate has a true level, each panelist a leniency, plus noise, which is what the insights pages are
// meant to reveal.
import type { Recommendation } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { seededRandom } from "@/lib/seeded-random";

export const DEMO_SCRIPT_TITLE = "Mental Health Specialist panel";
const POSITION = "Mental Health Specialist";
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
const LENIENCY = [0.5, 0, -0.5];

const EVIDENCE: Record<number, string[]> = {
  1: ["Answer stayed general; no example of what they did.", "Missed the risk in the scenario until prompted."],
  2: ["Gave an example but the steps were vague.", "Named the right idea; follow-through unclear."],
  3: ["Clear example with concrete steps and outcome.", "Checked safety first, then explained the plan."],
  4: ["Specific, reflective example; named what they'd do differently.", "Strong reasoning; involved the client and the team."],
};


function recommendationFor(mean: number): Recommendation {
  if (mean < 1.75) return "STRONG_NO";
  if (mean < 2.5) return "NO";
  if (mean < 3.25) return "YES";
  return "STRONG_YES";
}

function atTenOClock(daysFromToday: number): Date {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  date.setHours(10, 0, 0, 0);
  return date;
}

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
      const publishedAt = atTenOClock(-21);
      const script = await tx.interviewScript.create({
        data: {
          orgId,
          title: DEMO_SCRIPT_TITLE,
          role: POSITION,
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
      const items: { id: string; competencyIds: string[] }[] = [];
      for (const [s, title] of ["Engagement and ethics", "Crisis and teamwork"].entries()) {
        const section = await tx.scriptSection.create({ data: { versionId, position: s, title }, select: { id: true } });
        for (const [i, q] of questions.slice(s * 4, s * 4 + 4).entries()) {
          const item = await tx.scriptItem.create({
            data: {
              sectionId: section.id,
              position: i,
              questionId: q.id,
              text: q.text,
              minutes: 7,
              goodAnswer: q.howToAnswer,
              exampleAnswer: q.exampleAnswer,
              probes: ["What did you do next?", "What would you do differently?"],
              competencies: { createMany: { data: q.competencies.map((c, position) => ({ competencyId: c.competencyId, position })) } },
            },
            select: { id: true },
          });
          items.push({ id: item.id, competencyIds: q.competencies.map((c) => c.competencyId) });
        }
      }

      for (const candidateSeed of CANDIDATES) {
        const candidate = await tx.candidate.create({
          data: {
            orgId,
            name: candidateSeed.name,
            position: POSITION,
            email: `${candidateSeed.name.toLowerCase().normalize("NFKD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@candidate.example`,
            notes: "Demo candidate: invented person.",
          },
          select: { id: true },
        });
        const scheduledAt = atTenOClock(-candidateSeed.daysAgo);
        const past = candidateSeed.level !== null;
        const interview = await tx.interview.create({
          data: {
            orgId,
            candidateId: candidate.id,
            scriptVersionId: versionId,
            scheduledAt,
            location: past ? "Riverside clinic, room 2" : "Video call: https://meet.example/riverside-panel",
            status: past ? "COMPLETED" : "SCHEDULED",
            panel: { createMany: { data: interviewers.map((userId) => ({ userId })) } },
          },
          select: { id: true },
        });
        if (candidateSeed.level === null) continue;

        for (const [p, panelistId] of interviewers.entries()) {
          const ratings: { itemId: string; competencyId: string; score: number | null; notAssessed: boolean }[] = [];
          const notes: { itemId: string; body: string }[] = [];
          for (const item of items) {
            const itemScores: number[] = [];
            for (const competencyId of item.competencyIds) {
              if (random() < 0.04) {
                ratings.push({ itemId: item.id, competencyId, score: null, notAssessed: true });
                continue;
              }
              const noise = (random() + random() - 1) * 0.9;
              const score = Math.min(4, Math.max(1, Math.round(candidateSeed.level + LENIENCY[p]! + noise)));
              itemScores.push(score);
              ratings.push({ itemId: item.id, competencyId, score, notAssessed: false });
            }
            if (itemScores.length) {
              const level = Math.round(itemScores.reduce((a, b) => a + b, 0) / itemScores.length);
              const options = EVIDENCE[level]!;
              notes.push({ itemId: item.id, body: options[Math.floor(random() * options.length)]! });
            }
          }
          const scored = ratings.filter((r) => r.score !== null).map((r) => r.score!);
          const mean = scored.reduce((a, b) => a + b, 0) / Math.max(1, scored.length);
          const recommendation = recommendationFor(mean);
          const scorecard = await tx.scorecard.create({
            data: {
              orgId,
              interviewId: interview.id,
              panelistId,
              status: "SUBMITTED",
              recommendation,
              summary: `Average ${mean.toFixed(1)} across the script; see notes per question.`,
              startedAt: scheduledAt,
              submittedAt: new Date(scheduledAt.getTime() + (75 + p * 20) * 60_000),
            },
            select: { id: true },
          });
          await tx.rating.createMany({ data: ratings.map((r) => ({ ...r, scorecardId: scorecard.id })) });
          await tx.scorecardNote.createMany({ data: notes.map((n) => ({ ...n, scorecardId: scorecard.id })) });
        }
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return true;
}
