// The built-in practice answers in seeds/practice-answers: every file must parse, match its bank's questions
// and competencies, cite the anchors it rates against, and together keep the set's promise (at least 12
// questions, every competency the banks use, an article example plus a "partly meets" and a "does not meet"
// variant per question). Fails on any invalid file.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseArticle } from "@/lib/bank-article/parse-article";
import {
  answerBand,
  checkPracticeAnswerFile,
  checkPracticeCoverage,
  practiceAnswerFileSchema,
  type AnchorText,
  type PracticeAnswerContext,
  type PracticeAnswerFile,
} from "./practice-answer-file";

const seeds = path.resolve(import.meta.dirname, "../../../seeds");
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

const competencies = z
  .array(z.object({ slug: z.string(), anchors: z.object({ "1": z.string(), "2": z.string(), "3": z.string(), "4": z.string() }) }))
  .parse(readJson(path.join(seeds, "competencies.json")));
const anchors = new Map<string, AnchorText>(competencies.map((c) => [c.slug, c.anchors]));

const bankFile = z.object({
  slug: z.string(),
  article: z.string(),
  questions: z.array(z.object({ index: z.number(), competencies: z.array(z.string()), text: z.string().optional() })),
});
const contexts = new Map<string, PracticeAnswerContext>(
  readdirSync(path.join(seeds, "banks"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const bank = bankFile.parse(readJson(path.join(seeds, "banks", f)));
      const curatedText = new Map(bank.questions.filter((q) => q.text).map((q) => [q.index, q.text!]));
      const parsed = parseArticle(readFileSync(path.join(seeds, bank.article), "utf8"), { curatedText });
      const questions = bank.questions.map((q) => {
        const article = parsed.questions.find((p) => p.index === q.index);
        return { position: q.index, text: article?.text ?? "", exampleAnswer: article?.exampleAnswer ?? "", competencies: q.competencies };
      });
      return [bank.slug, { bankSlug: bank.slug, questions, anchors }] as const;
    }),
);

const files = readdirSync(path.join(seeds, "practice-answers"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((name) => ({ name, raw: readJson(path.join(seeds, "practice-answers", name)) }));

// Parsed once here, not inside the per-file tests, so the set-wide tests below don't depend on running after them.
const checked = files.map(({ name, raw }) => ({ name, result: practiceAnswerFileSchema.safeParse(raw) }));
const parsed: { file: PracticeAnswerFile; context: PracticeAnswerContext }[] = checked.flatMap(({ result }) => {
  const context = result.success ? contexts.get(result.data.bank) : undefined;
  return result.success && context ? [{ file: result.data, context }] : [];
});

describe("curated practice answers (seeds/practice-answers)", () => {
  it("has a file for each built-in bank, named after it", () => {
    expect(files.map((f) => f.name)).toEqual([...contexts.keys()].sort().map((slug) => `${slug}.json`));
  });

  for (const { name, result } of checked) {
    it(`${name} follows the schema and agrees with its bank and the anchors`, () => {
      expect(result.error?.issues ?? []).toEqual([]);
      const file = result.data!;
      expect(`${file.bank}.json`).toBe(name);
      const context = contexts.get(file.bank);
      expect(context, `no bank "${file.bank}"`).toBeDefined();
      expect(checkPracticeAnswerFile(file, context!)).toEqual([]);
    });
  }

  it("covers at least 12 questions and every competency the banks use, each question with all three kinds of answer", () => {
    expect(parsed).toHaveLength(files.length);
    const used = [...new Set([...contexts.values()].flatMap((c) => c.questions.flatMap((q) => q.competencies)))];
    expect(used.length).toBeGreaterThan(10);
    expect(checkPracticeCoverage(parsed, { minimumQuestions: 12, competencies: used })).toEqual([]);
  });

  it("gives every competency references at three or more levels, so a session can mix weak and strong", () => {
    const levels = new Map<string, Set<number>>();
    for (const { file } of parsed) {
      for (const rating of file.answers.flatMap((a) => a.ratings)) {
        levels.set(rating.competency, (levels.get(rating.competency) ?? new Set()).add(rating.level));
      }
    }
    for (const [competency, seen] of levels) expect([competency, seen.size >= 3]).toEqual([competency, true]);
  });

  it("writes variants that differ in substance, not only in length", () => {
    // A weaker variant must not be a cut-down stronger one: the written variants of one question share few
    // three-word phrases (a truncated copy would share nearly all of its own).
    for (const { file } of parsed) {
      const written = file.answers.filter((a) => a.source === "written-for-training");
      for (const a of written) {
        for (const b of written) {
          if (a === b || a.question !== b.question) continue;
          expect([a.slug, b.slug, sharedPhrases(a.text, b.text) < 0.2]).toEqual([a.slug, b.slug, true]);
        }
      }
      // And the "does not meet" variants really are all 1s, the "partly meets" at most 2.
      for (const a of written) {
        if (a.slug.endsWith("-does-not-meet")) expect([a.slug, answerBand(a.ratings)]).toEqual([a.slug, "does-not-meet"]);
        if (a.slug.endsWith("-partly-meets")) expect([a.slug, answerBand(a.ratings)]).toEqual([a.slug, "partly-meets"]);
      }
    }
  });
});

/** Share of the shorter text's three-word phrases that the other text also contains. */
function sharedPhrases(a: string, b: string): number {
  const phrases = (t: string) => {
    const words = t.toLowerCase().match(/[a-z']+/g) ?? [];
    return new Set(words.slice(2).map((w, i) => `${words[i]} ${words[i + 1]} ${w}`));
  };
  const [x, y] = [phrases(a), phrases(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const p of small) if (large.has(p)) shared++;
  return small.size === 0 ? 0 : shared / small.size;
}
