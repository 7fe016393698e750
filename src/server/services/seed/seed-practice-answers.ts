// Reads the curated practice answers in seeds/practice-answers (frame-of-reference training, issue 19) and
// ties them to the built-in banks: first against the seed files (every referenced question exists, every
// rated competency is one of the question's, levels 1–4, rationales citing the anchors), then against the
// rows seedBuiltinContent wrote, so every answer comes back with the ids of its question and competencies
// and, for the article's own example, the text the bank holds. Any problem stops with the full list.
//
// seedPracticeAnswers writes them as built-in practice answers (orgId null, every organisation uses them),
// keyed by bank slug + answer slug, with their reference ratings as the consensus (raterId null). It runs
// after seedBuiltinContent in prepare-database and is idempotent: rows already matching are left alone.
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

/** Same lock as seedBuiltinContent: instances starting together seed one after the other. */
const SEED_LOCK_KEY = 72_201_120;

export type PracticeSeedSummary = PracticeAnswerLoad["summary"] & { changedRows: number };

/** The stored slug of a built-in practice answer: its bank's slug and its own, unique among built-in answers. */
export const builtInPracticeSlug = (bankSlug: string, slug: string) => `${bankSlug}/${slug}`;

/**
 * Writes the curated practice answers as built-in, active practice answers with their reference ratings, and
 * archives built-in answers no longer in the files (sessions that used them keep them). Idempotent.
 */
export async function seedPracticeAnswers(db: Db, seedsDir = DEFAULT_SEEDS_DIR): Promise<PracticeSeedSummary> {
  const { answers, summary } = await loadPracticeAnswers(db, seedsDir);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      let changedRows = 0;
      const existing = await tx.practiceAnswer.findMany({
        where: { orgId: null },
        select: {
          id: true,
          slug: true,
          questionId: true,
          source: true,
          text: true,
          status: true,
          references: { where: { raterId: null }, select: { id: true, competencyId: true, level: true, rationale: true } },
        },
      });
      const bySlug = new Map(existing.map((a) => [a.slug, a]));
      const wanted = new Set<string>();
      for (const answer of answers) {
        const slug = builtInPracticeSlug(answer.bankSlug, answer.slug);
        wanted.add(slug);
        const source = answer.writtenForTraining ? ("WRITTEN_FOR_TRAINING" as const) : ("ARTICLE_EXAMPLE" as const);
        const fields = { questionId: answer.questionId, source, text: answer.text, status: "ACTIVE" as const };
        let row = bySlug.get(slug);
        if (!row) {
          const created = await tx.practiceAnswer.create({ data: { orgId: null, slug, ...fields }, select: { id: true } });
          row = { id: created.id, slug, ...fields, references: [] };
          changedRows++;
        } else if (row.questionId !== fields.questionId || row.source !== source || row.text !== fields.text || row.status !== "ACTIVE") {
          await tx.practiceAnswer.update({ where: { id: row.id }, data: fields });
          changedRows++;
        }
        for (const rating of answer.ratings) {
          const current = row.references.filter((r) => r.competencyId === rating.competencyId);
          const same = current.length === 1 && current[0]!.level === rating.level && current[0]!.rationale === rating.rationale;
          if (same) continue;
          if (current.length > 0) await tx.practiceReferenceRating.deleteMany({ where: { id: { in: current.map((r) => r.id) } } });
          await tx.practiceReferenceRating.create({
            data: { answerId: row.id, competencyId: rating.competencyId, level: rating.level, rationale: rating.rationale, raterId: null },
          });
          changedRows++;
        }
        const stale = row.references.filter((r) => !answer.ratings.some((rating) => rating.competencyId === r.competencyId));
        if (stale.length > 0) {
          await tx.practiceReferenceRating.deleteMany({ where: { id: { in: stale.map((r) => r.id) } } });
          changedRows += stale.length;
        }
      }
      const gone = existing.filter((a) => !wanted.has(a.slug) && a.status !== "ARCHIVED");
      if (gone.length > 0) {
        await tx.practiceAnswer.updateMany({ where: { id: { in: gone.map((a) => a.id) } }, data: { status: "ARCHIVED" } });
        changedRows += gone.length;
      }
      return { ...summary, changedRows };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
