/**
 * The curated practice answers in seeds/practice-answers/<bank-slug>.json: sample answers to questions of a
 * built-in bank, each with reference ratings on the competency anchors and the reasons for them, for
 * frame-of-reference practice.
 *
 * A file names its bank by slug; an answer names its question by the bank file's `index` (the question's
 * position in the bank) and repeats the start of the question's text, so a renumbered bank is caught
 * rather than silently matched to the wrong question (as the bank files do with `assessesStartsWith`).
 * An answer is either the article's own example answer (`article-example`, text taken from the article)
 * or one written for training (`written-for-training`, text in the file).
 *
 * Reference ratings give the level whose anchor fits the answer best as a whole. Every rationale cites
 * the anchor of the level it gives, word for word between “ and ”, and says what the answer shows and
 * what it lacks for the next level; the checks below hold the files to that.
 */

import { z } from "@/lib/schemas/zod";

const slug = z.string().regex(/^[a-z0-9-]+$/, "Use lowercase letters, digits and hyphens.");

export const referenceRatingSchema = z.object({
  competency: slug,
  level: z.number().int().min(1).max(4),
  rationale: z.string().trim().min(40).max(700),
});

const answerBase = {
  slug,
  /** The bank question's `index` (its position in the bank). */
  question: z.number().int().positive(),
  /** The first words of the question's text, to catch a renumbered bank. */
  questionStartsWith: z.string().trim().min(10),
  ratings: z.array(referenceRatingSchema).min(1).max(3),
};

export const practiceAnswerSeedSchema = z.discriminatedUnion("source", [
  z.strictObject({ ...answerBase, source: z.literal("article-example") }),
  z.strictObject({ ...answerBase, source: z.literal("written-for-training"), text: z.string().trim().min(200).max(3000) }),
]);
export type PracticeAnswerSeed = z.infer<typeof practiceAnswerSeedSchema>;

export const practiceAnswerFileSchema = z.strictObject({
  bank: slug,
  about: z.string().trim().min(1),
  answers: z.array(practiceAnswerSeedSchema).min(1),
});
export type PracticeAnswerFile = z.infer<typeof practiceAnswerFileSchema>;

export type AnchorText = Readonly<Record<"1" | "2" | "3" | "4", string>>;

/** What a file is checked against: the bank's questions and the competencies' anchors. */
export type PracticeAnswerContext = {
  bankSlug: string;
  questions: ReadonlyArray<{
    position: number;
    text: string;
    exampleAnswer: string;
    /** Competency slugs, in the question's order. */
    competencies: readonly string[];
  }>;
  anchors: ReadonlyMap<string, AnchorText>;
};

export type PracticeAnswerProblem = { answer: string | null; message: string };

/** Every way a parsed file disagrees with its bank and the anchors; empty when it is sound. */
export function checkPracticeAnswerFile(file: PracticeAnswerFile, context: PracticeAnswerContext): PracticeAnswerProblem[] {
  const problems: PracticeAnswerProblem[] = [];
  if (file.bank !== context.bankSlug) {
    problems.push({ answer: null, message: `The file is for bank "${file.bank}" but was checked against "${context.bankSlug}".` });
  }
  const seen = new Set<string>();
  const articleExamples = new Set<number>();
  for (const answer of file.answers) {
    const say = (message: string) => problems.push({ answer: answer.slug, message });
    if (seen.has(answer.slug)) say(`The slug "${answer.slug}" is used twice.`);
    seen.add(answer.slug);

    const question = context.questions.find((q) => q.position === answer.question);
    if (!question) {
      say(`Bank "${context.bankSlug}" has no question ${answer.question}.`);
      continue;
    }
    if (!normalise(question.text).startsWith(normalise(answer.questionStartsWith))) {
      say(`Question ${answer.question} reads "${question.text}", which does not start with "${answer.questionStartsWith}".`);
    }
    if (answer.source === "article-example") {
      if (articleExamples.has(answer.question)) say(`Question ${answer.question}'s article example is listed twice.`);
      articleExamples.add(answer.question);
      if (!question.exampleAnswer.trim()) say(`Question ${answer.question} has no example answer in the article.`);
    } else {
      if (normalise(answer.text) === normalise(question.exampleAnswer)) {
        say("A written answer repeats the article's example: list it as an article-example instead.");
      }
      for (const found of identifyingDetails(answer.text)) say(`The text contains what looks like contact details: "${found}".`);
    }

    const rated = answer.ratings.map((r) => r.competency);
    for (const competency of new Set(rated)) {
      if (rated.filter((c) => c === competency).length > 1) say(`The competency "${competency}" is rated more than once.`);
    }
    for (const competency of question.competencies) {
      if (!rated.includes(competency)) say(`Question ${answer.question} assesses "${competency}", which has no reference rating.`);
    }
    for (const rating of answer.ratings) {
      if (!question.competencies.includes(rating.competency)) {
        say(
          `"${rating.competency}" is not one of question ${answer.question}'s competencies (${question.competencies.join(", ")}).`,
        );
        continue;
      }
      const anchors = context.anchors.get(rating.competency);
      if (!anchors) {
        say(`The competency "${rating.competency}" has no anchors.`);
        continue;
      }
      const anchor = anchors[String(rating.level) as keyof AnchorText];
      if (!citations(rating.rationale).some((quote) => normalise(anchor).includes(normalise(quote)))) {
        say(
          `The rationale for ${rating.competency} at level ${rating.level} does not quote that level's anchor between “ and ” (at least three words of: "${anchor}").`,
        );
      }
    }
  }
  return problems;
}

/** Which kind of variant an answer's references make it: every rating 1, none above 2, or higher. */
export type AnswerBand = "does-not-meet" | "partly-meets" | "meets-or-above";

export function answerBand(ratings: ReadonlyArray<{ level: number }>): AnswerBand {
  const highest = Math.max(...ratings.map((r) => r.level));
  if (highest <= 1) return "does-not-meet";
  if (highest <= 2) return "partly-meets";
  return "meets-or-above";
}

export type CoverageRules = {
  /** Distinct questions that must have practice answers. */
  minimumQuestions: number;
  /** Competencies (slugs) that must be assessed by at least one covered question. */
  competencies: readonly string[];
};

/**
 * The built-in set's promise: enough questions, every competency of the banks covered, and for each
 * covered question the article's example plus a written "partly meets" and "does not meet" variant.
 */
export function checkPracticeCoverage(
  sets: ReadonlyArray<{ file: PracticeAnswerFile; context: PracticeAnswerContext }>,
  rules: CoverageRules,
): string[] {
  const problems: string[] = [];
  const covered = new Set<string>();
  let questions = 0;
  for (const { file, context } of sets) {
    const byQuestion = new Map<number, PracticeAnswerSeed[]>();
    for (const answer of file.answers) byQuestion.set(answer.question, [...(byQuestion.get(answer.question) ?? []), answer]);
    for (const [position, answers] of byQuestion) {
      questions++;
      for (const c of context.questions.find((q) => q.position === position)?.competencies ?? []) covered.add(c);
      const where = `${file.bank} question ${position}`;
      if (!answers.some((a) => a.source === "article-example")) problems.push(`${where} has no article example.`);
      const written = answers.filter((a) => a.source === "written-for-training");
      if (!written.some((a) => answerBand(a.ratings) === "partly-meets")) {
        problems.push(`${where} has no written "partly meets" variant (references at most 2, at least one 2).`);
      }
      if (!written.some((a) => answerBand(a.ratings) === "does-not-meet")) {
        problems.push(`${where} has no written "does not meet" variant (every reference 1).`);
      }
    }
  }
  if (questions < rules.minimumQuestions) {
    problems.push(`Practice answers cover ${questions} questions; at least ${rules.minimumQuestions} are needed.`);
  }
  for (const competency of rules.competencies) {
    if (!covered.has(competency)) problems.push(`No practice answer covers the competency "${competency}".`);
  }
  return problems;
}

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
const PHONE = /\+?\d[\d ()-]{8,}\d/g;

/** Email addresses and phone numbers: practice answers never carry anyone's contact details. */
export function identifyingDetails(text: string): string[] {
  return [...(text.match(EMAIL) ?? []), ...(text.match(PHONE) ?? [])];
}

/** Passages between “ and ” of at least three words. */
function citations(text: string): string[] {
  return [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? "").filter((q) => q.trim().split(/\s+/).length >= 3);
}

function normalise(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}
