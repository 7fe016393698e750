// Building blocks for panel-training tests: built-in questions that have practice answers, a published script
// made of them (or of questions written on the spot, which have none), and a submitted scorecard with notes
// on a bank question, to promote into a practice answer.
import { db } from "@/server/db";
import { callerFor, createCandidateRecord, unique } from "./factories";
import { draft, item } from "./script-factories";

type Caller = ReturnType<typeof callerFor>;

/** The first `count` built-in questions with active built-in practice answers, with their competencies in order. */
export async function practiceQuestions(count: number) {
  const questions = await db().question.findMany({
    where: { bank: { orgId: null }, practiceAnswers: { some: { orgId: null, status: "ACTIVE" } } },
    orderBy: [{ bankId: "asc" }, { position: "asc" }],
    take: count,
    select: { id: true, text: true, competencies: { orderBy: { position: "asc" }, select: { competencyId: true } } },
  });
  if (questions.length < count) throw new Error(`Only ${questions.length} built-in questions have practice answers; ${count} wanted.`);
  return questions.map((q) => ({ id: q.id, text: q.text, competencyIds: q.competencies.map((c) => c.competencyId) }));
}

/** Weights adding up to 100 over the competencies. */
function targetsFor(competencyIds: string[]) {
  const ids = [...new Set(competencyIds)];
  const base = Math.floor(100 / ids.length);
  return ids.map((competencyId, i) => ({ competencyId, weight: i === 0 ? 100 - base * (ids.length - 1) : base }));
}

/**
 * A published script whose items are copied from `questions` built-in questions with practice answers (or the
 * questions `from`), or
 * (`bankQuestions: false`) written on the spot, so that no practice answer belongs to them.
 */
export async function publishPracticeScript(
  caller: Caller,
  options: { questions?: number; bankQuestions?: boolean; from?: Awaited<ReturnType<typeof practiceQuestions>> } = {},
) {
  const questions = options.from ?? (await practiceQuestions(options.questions ?? 2));
  const { id } = await caller.scripts.create({ title: unique("Practice script"), role: "Crisis Worker" });
  const created = await caller.scripts.get({ id });
  const bankQuestions = options.bankQuestions ?? true;
  const saved = await caller.scripts.saveDraft(
    draft(created, {
      targets: targetsFor(questions.flatMap((q) => q.competencyIds)),
      sections: [
        {
          title: "Practice",
          items: questions.map((q) =>
            item(q.competencyIds, bankQuestions ? { questionId: q.id, text: q.text } : { text: `Written on the spot ${unique("q")}` }),
          ),
        },
      ],
    }),
  );
  const published = await caller.scripts.publish({ id, baseUpdatedAt: saved.updatedAt });
  return { scriptId: id, versionId: published.versionId, questions };
}

/**
 * An interview of a candidate named `candidate` on a script built from bank questions, whose panelist submitted
 * a scorecard with `note` on the first question. Returns what promoting the note needs.
 */
export async function submittedNotes(options: {
  orgId: string;
  manager: Caller;
  panelist: { userId: string; caller: Caller };
  candidate: { name: string; email?: string; phone?: string };
  note: string;
}) {
  const script = await publishPracticeScript(options.manager, { questions: 1 });
  const candidate = await createCandidateRecord(options.orgId, { ...options.candidate, position: unique("Practice vacancy"), scriptVersionId: script.versionId });
  const interview = await db().interview.create({
    data: {
      orgId: options.orgId,
      candidateId: candidate.id,
      scriptVersionId: script.versionId,
      stageId: candidate.stageId,
      scheduledAt: new Date(Date.now() - 3_600_000),
      panel: { create: [{ userId: options.panelist.userId }] },
    },
  });
  const card = await options.panelist.caller.scorecards.mine({ interviewId: interview.id });
  const first = card.items[0]!;
  await options.panelist.caller.scorecards.saveNote({ scorecardId: card.id, itemId: first.itemId, body: options.note, baseVersion: 0 });
  for (const c of first.competencies) {
    await options.panelist.caller.scorecards.saveRating({ scorecardId: card.id, itemId: first.itemId, competencyId: c.id, score: 3, notAssessed: false, baseVersion: 0 });
  }
  await options.panelist.caller.scorecards.submit({ scorecardId: card.id, recommendation: "YES", summary: "Specific and safe." });
  return { scorecardId: card.id, itemId: first.itemId, questionId: script.questions[0]!.id, candidateId: candidate.id, interviewId: interview.id };
}

/**
 * A practice session written with Prisma (no resuming): the member's session on the version with one rating per
 * answer and competency of its active practice answers; `rated` fills every rating with the reference level.
 */
export async function practiceSessionFor(options: { orgId: string; userId: string; versionId: string; rated?: boolean }) {
  const items = await db().scriptItem.findMany({
    where: { section: { versionId: options.versionId }, questionId: { not: null } },
    select: { questionId: true },
  });
  const answers = await db().practiceAnswer.findMany({
    where: { questionId: { in: items.map((i) => i.questionId!) }, status: "ACTIVE", OR: [{ orgId: null }, { orgId: options.orgId }] },
    select: { id: true, references: { where: { raterId: null }, select: { competencyId: true, level: true } } },
  });
  const session = await db().practiceSession.create({
    data: { orgId: options.orgId, userId: options.userId, scriptVersionId: options.versionId, seed: 7 },
    select: { id: true },
  });
  await db().practiceRating.createMany({
    data: answers.flatMap((a) =>
      a.references.map((r) => ({ sessionId: session.id, answerId: a.id, competencyId: r.competencyId, score: options.rated ? r.level : null })),
    ),
  });
  return { id: session.id, answerId: answers[0]!.id, competencyId: answers[0]!.references[0]!.competencyId };
}

/**
 * An organisation's draft practice answer written with Prisma, for `questionId`, with `raters`; `levels` gives
 * each rater's submitted level for every competency (a rater without levels has not rated).
 */
export async function draftAnswerFor(options: {
  orgId: string;
  questionId: string;
  raters?: string[];
  levels?: Record<string, (competencyIndex: number) => number>;
  consensus?: boolean;
}) {
  const competencies = await db().questionCompetency.findMany({
    where: { questionId: options.questionId },
    orderBy: { position: "asc" },
    select: { competencyId: true },
  });
  const answer = await db().practiceAnswer.create({
    data: {
      orgId: options.orgId,
      questionId: options.questionId,
      slug: unique("answer"),
      source: "ORG_WRITTEN",
      text: "A practice answer written for the test: the worker listened, checked safety and agreed the next step.",
    },
    select: { id: true },
  });
  for (const userId of options.raters ?? []) {
    const level = options.levels?.[userId];
    await db().practiceAnswerRater.create({ data: { answerId: answer.id, userId, submittedAt: level ? new Date() : null } });
    if (level) {
      await db().practiceReferenceRating.createMany({
        data: competencies.map((c, i) => ({ answerId: answer.id, competencyId: c.competencyId, level: level(i), rationale: "Fits “the anchor”.", raterId: userId })),
      });
    }
  }
  if (options.consensus) {
    await db().practiceReferenceRating.createMany({
      data: competencies.map((c) => ({ answerId: answer.id, competencyId: c.competencyId, level: 2, rationale: "Agreed: “the anchor”.", raterId: null })),
    });
  }
  return { id: answer.id, competencyIds: competencies.map((c) => c.competencyId) };
}
