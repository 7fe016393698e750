// Reads the curated practice answers in seeds/practice-answers (frame-of-reference training, issue 19) and
// ties them to the built-in banks: first against the seed files (every referenced question exists, every
// rated competency is one of the question's, levels 1–4, rationales citing the anchors), then against the
// rows seedBuiltinContent wrote, so every answer comes back with the ids of its question and competencies
// and, for the article's own example, the text the bank holds. Any problem stops with the full list.
//
// Nothing is written yet: the practice-answer tables do not exist. Once they do, the resolved answers are
// what to upsert (keyed by bank slug + answer slug), run after seedBuiltinContent in prepare-database.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db";
import {
  checkPracticeAnswerFile,
  practiceAnswerFileSchema,
  type AnchorText,
  type PracticeAnswerContext,
  type PracticeAnswerFile,
} from "@/lib/training/practice-answer-file";
import { questionsFromArticle } from "./seed-builtin-content";
import { DEFAULT_SEEDS_DIR, readBankSeeds, readCompetencySeeds } from "./seed-files";

export type ResolvedPracticeAnswer = {
  bankSlug: string;
  /** Unique within its bank. */
  slug: string;
  source: "article-example" | "written-for-training";
  /** Written for training (fictional), as opposed to the source article's own example answer. */
  writtenForTraining: boolean;
  bankId: string;
  questionId: string;
  questionPosition: number;
  text: string;
  ratings: { competencyId: string; competencySlug: string; level: number; rationale: string }[];
};

export type PracticeAnswerLoad = {
  answers: ResolvedPracticeAnswer[];
  summary: { banks: number; questions: number; answers: number; writtenForTraining: number; ratings: number };
};

/** The practice-answer files, parsed and checked against the bank and competency seed files. Throws on any problem. */
export function readPracticeAnswerSeeds(seedsDir = DEFAULT_SEEDS_DIR): PracticeAnswerFile[] {
  const anchors = new Map<string, AnchorText>(readCompetencySeeds(seedsDir).map((c) => [c.slug, c.anchors]));
  const contexts = new Map<string, PracticeAnswerContext>(
    readBankSeeds(seedsDir).map((bank) => [
      bank.slug,
      {
        bankSlug: bank.slug,
        questions: questionsFromArticle(bank).map((q) => ({
          position: q.position,
          text: q.text,
          exampleAnswer: q.exampleAnswer,
          competencies: q.competencies,
        })),
        anchors,
      },
    ]),
  );
  const dir = path.join(seedsDir, "practice-answers");
  const problems: string[] = [];
  const files: PracticeAnswerFile[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const parsed = practiceAnswerFileSchema.safeParse(JSON.parse(readFileSync(path.join(dir, name), "utf8")));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${name} at ${issue.path.join(".") || "(top)"}: ${issue.message}`);
      continue;
    }
    const file = parsed.data;
    const context = contexts.get(file.bank);
    if (`${file.bank}.json` !== name) problems.push(`${name}: a file for bank "${file.bank}" must be named ${file.bank}.json.`);
    if (!context) {
      problems.push(`${name}: there is no built-in bank "${file.bank}".`);
      continue;
    }
    for (const p of checkPracticeAnswerFile(file, context)) problems.push(`${name}${p.answer ? ` (${p.answer})` : ""}: ${p.message}`);
    files.push(file);
  }
  if (problems.length > 0) throw new Error(`Practice answers in ${dir} have problems:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return files;
}

/**
 * The curated practice answers resolved against the built-in banks in the database (seed them first with
 * seedBuiltinContent). Throws, listing every problem, when a file or the database disagrees.
 */
export async function loadPracticeAnswers(db: Db, seedsDir = DEFAULT_SEEDS_DIR): Promise<PracticeAnswerLoad> {
  const files = readPracticeAnswerSeeds(seedsDir);
  const banks = await db.questionBank.findMany({
    where: { orgId: null, slug: { in: files.map((f) => f.bank) } },
    select: {
      id: true,
      slug: true,
      questions: {
        select: {
          id: true,
          position: true,
          exampleAnswer: true,
          competencies: { orderBy: { position: "asc" }, select: { competency: { select: { id: true, slug: true } } } },
        },
      },
    },
  });

  const problems: string[] = [];
  const answers: ResolvedPracticeAnswer[] = [];
  for (const file of files) {
    const bank = banks.find((b) => b.slug === file.bank);
    if (!bank) {
      problems.push(`The built-in bank "${file.bank}" is not in the database: seed the built-in content first.`);
      continue;
    }
    for (const answer of file.answers) {
      const where = `${file.bank} (${answer.slug})`;
      const question = bank.questions.find((q) => q.position === answer.question);
      if (!question) {
        problems.push(`${where}: question ${answer.question} is not in the database.`);
        continue;
      }
      const linked = new Map(question.competencies.map((c) => [c.competency.slug, c.competency.id]));
      const ratings = answer.ratings.flatMap((r) => {
        const competencyId = linked.get(r.competency);
        if (!competencyId) {
          problems.push(`${where}: question ${answer.question} in the database does not assess "${r.competency}".`);
          return [];
        }
        return [{ competencyId, competencySlug: r.competency, level: r.level, rationale: r.rationale }];
      });
      const unrated = [...linked.keys()].filter((slug) => !answer.ratings.some((r) => r.competency === slug));
      if (unrated.length > 0) problems.push(`${where}: question ${answer.question} also assesses ${unrated.join(", ")}, which has no reference rating.`);
      const text = answer.source === "article-example" ? question.exampleAnswer : answer.text;
      if (!text.trim()) problems.push(`${where}: question ${answer.question} has no example answer in the database.`);
      answers.push({
        bankSlug: file.bank,
        slug: answer.slug,
        source: answer.source,
        writtenForTraining: answer.source === "written-for-training",
        bankId: bank.id,
        questionId: question.id,
        questionPosition: question.position,
        text,
        ratings,
      });
    }
  }
  if (problems.length > 0) throw new Error(`Practice answers do not match the built-in banks:\n${problems.map((p) => `  ${p}`).join("\n")}`);

  return {
    answers,
    summary: {
      banks: files.length,
      questions: new Set(answers.map((a) => a.questionId)).size,
      answers: answers.length,
      writtenForTraining: answers.filter((a) => a.writtenForTraining).length,
      ratings: answers.reduce((sum, a) => sum + a.ratings.length, 0),
    },
  };
}
