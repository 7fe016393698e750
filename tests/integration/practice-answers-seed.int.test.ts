// The curated practice answers (seeds/practice-answers) load against the built-in banks as a fresh
// organisation sees them, with their reference ratings on the same competencies and anchors the scoring
// screen shows; broken files are refused with every problem listed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadPracticeAnswers } from "@/server/services/seed/seed-practice-answers";
import { DEFAULT_SEEDS_DIR } from "@/server/services/seed/seed-files";
import { callerFor, createOrganization } from "./factories";

type RawFile = { bank: string; answers: { slug: string; question: number; source: string; ratings: { competency: string; level: number }[] }[] };
const raw = (bank: string): RawFile =>
  JSON.parse(readFileSync(path.join(DEFAULT_SEEDS_DIR, "practice-answers", `${bank}.json`), "utf8")) as RawFile;

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of seeds/ whose practice-answer files the test may break. */
function seedsCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "panelkit-practice-seeds-"));
  tmpDirs.push(dir);
  cpSync(DEFAULT_SEEDS_DIR, dir, { recursive: true });
  return dir;
}

describe("curated practice answers", () => {
  it("load into a fresh organisation's built-in banks, on the questions, competencies and anchors it sees", async () => {
    const { members } = await createOrganization(["INTERVIEWER"]);
    const interviewer = callerFor(members.INTERVIEWER.userId);

    const { answers, summary } = await loadPracticeAnswers(db());

    // Counts: everything in the files, at least 12 questions across both banks.
    const files = [raw("clinical-case-manager"), raw("mental-health-specialist")];
    const inFiles = files.flatMap((f) => f.answers);
    expect(summary).toEqual({
      banks: 2,
      questions: new Set(files.flatMap((f) => f.answers.map((a) => `${f.bank}/${a.question}`))).size,
      answers: inFiles.length,
      writtenForTraining: inFiles.filter((a) => a.source === "written-for-training").length,
      ratings: inFiles.reduce((sum, a) => sum + a.ratings.length, 0),
    });
    expect(summary.questions).toBeGreaterThanOrEqual(12);
    for (const bank of ["clinical-case-manager", "mental-health-specialist"]) {
      expect(answers.filter((a) => a.bankSlug === bank)).toHaveLength(raw(bank).answers.length);
    }

    // Every answer's question is one the fresh organisation can open, built in, and the answer's references
    // are on that question's competencies, each rationale quoting the anchor the organisation sees for its level.
    const questions = new Map<string, Awaited<ReturnType<typeof interviewer.banks.question>>>();
    for (const answer of answers) {
      const question = questions.get(answer.questionId) ?? (await interviewer.banks.question({ id: answer.questionId }));
      questions.set(answer.questionId, question);
      expect(question.bank.builtIn).toBe(true);
      expect(answer.ratings.map((r) => r.competencyId).sort()).toEqual(question.competencies.map((c) => c.id).sort());
      for (const rating of answer.ratings) {
        const competency = question.competencies.find((c) => c.id === rating.competencyId)!;
        const anchor = competency.anchors.find((a) => a.level === rating.level)!.description.toLowerCase();
        const quotes = [...rating.rationale.matchAll(/“([^”]+)”/g)].map((m) => m[1]!.toLowerCase());
        expect([answer.slug, competency.slug, quotes.some((q) => anchor.includes(q))]).toEqual([answer.slug, competency.slug, true]);
        expect(rating.level).toBeGreaterThanOrEqual(1);
        expect(rating.level).toBeLessThanOrEqual(4);
      }
      if (answer.source === "article-example") {
        expect(answer.writtenForTraining).toBe(false);
        expect(answer.text).toBe(question.exampleAnswer);
      } else {
        expect(answer.writtenForTraining).toBe(true);
        expect(answer.text).not.toBe(question.exampleAnswer);
        expect(answer.text.length).toBeGreaterThan(200);
      }
    }

    // Each covered question offers the article's example, a "partly meets" and a "does not meet" answer.
    for (const questionId of new Set(answers.map((a) => a.questionId))) {
      const forQuestion = answers.filter((a) => a.questionId === questionId);
      const highest = (a: (typeof answers)[number]) => Math.max(...a.ratings.map((r) => r.level));
      expect(forQuestion.filter((a) => a.source === "article-example")).toHaveLength(1);
      expect(forQuestion.some((a) => a.writtenForTraining && highest(a) === 2)).toBe(true);
      expect(forQuestion.some((a) => a.writtenForTraining && highest(a) === 1)).toBe(true);
    }
  });

  it("refuses broken files, listing every problem", async () => {
    const dir = seedsCopy();
    const file = (bank: string) => path.join(dir, "practice-answers", `${bank}.json`);
    const ccm = raw("clinical-case-manager");
    ccm.answers[0]!.ratings[0]!.level = 5;
    writeFileSync(file("clinical-case-manager"), JSON.stringify(ccm));
    const mhs = raw("mental-health-specialist");
    mhs.answers[0]!.question = 99;
    const second = mhs.answers[1]!;
    second.ratings[0]!.competency = "compliance";
    writeFileSync(file("mental-health-specialist"), JSON.stringify(mhs));

    const error = await loadPracticeAnswers(db(), dir).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain("clinical-case-manager.json at answers.0.ratings.0.level:");
    expect(error?.message).toContain(`mental-health-specialist.json (${mhs.answers[0]!.slug}): Bank "mental-health-specialist" has no question 99.`);
    expect(error?.message).toContain(`(${second.slug}): "compliance" is not one of question ${second.question}'s competencies`);
    expect(error?.message).toContain(`(${second.slug}): Question ${second.question} assesses "crisis-handling", which has no reference rating.`);
  });

  it("refuses a file for a bank that does not exist", async () => {
    const dir = seedsCopy();
    const stray = { ...raw("clinical-case-manager"), bank: "no-such-bank" };
    writeFileSync(path.join(dir, "practice-answers", "no-such-bank.json"), JSON.stringify(stray));
    await expect(loadPracticeAnswers(db(), dir)).rejects.toThrow('no-such-bank.json: there is no built-in bank "no-such-bank".');
  });
});
