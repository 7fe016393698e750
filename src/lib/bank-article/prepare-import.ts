// Turns an article into questions ready to import: parsed fields, suggested competencies, and every
// problem with its line. Used by the bank:import command and the in-app import preview.
import { parseArticle, type ParseProblem } from "./parse-article";
import { suggestCompetencies, type CompetencyKeywords } from "./suggest-competencies";

export type ImportCandidate = {
  index: number;
  line: number;
  text: string | null;
  assesses: string;
  howToAnswer: string;
  exampleAnswer: string;
  competencies: string[];
};

export type PreparedImport = {
  title: string | null;
  role: string | null;
  questions: ImportCandidate[];
  problems: ParseProblem[];
};

export function prepareArticleImport(
  source: string,
  competencies: readonly CompetencyKeywords[],
  curatedText?: ReadonlyMap<number, string>,
): PreparedImport {
  const parsed = parseArticle(source, { curatedText });
  const problems = [...parsed.problems];
  const questions = parsed.questions.map((q) => {
    const suggested = suggestCompetencies({ text: q.text, assesses: q.assesses, howToAnswer: q.howToAnswer }, competencies);
    if (suggested.length === 0) {
      problems.push({
        line: q.line,
        severity: "warning",
        entryIndex: q.index,
        message: `Entry ${q.index}: no competency could be suggested from what it assesses; choose one to three by hand.`,
        key: "noCompetency",
        values: { index: q.index },
      });
    }
    return {
      index: q.index,
      line: q.line,
      text: q.text,
      assesses: q.assesses,
      howToAnswer: q.howToAnswer,
      exampleAnswer: q.exampleAnswer,
      competencies: suggested,
    };
  });
  problems.sort((a, b) => a.line - b.line);
  return { title: parsed.title, role: parsed.role, questions, problems };
}

/** Entries that can't be stored as they are: a question needs its text, guidance and a competency. */
export function blockingProblems(prepared: Omit<PreparedImport, "problems"> & { problems: (ParseProblem & { where?: string })[] }): string[] {
  const blocking = prepared.problems.filter((p) => p.severity === "error").map((p) => `${p.where ?? `line ${p.line}`}: ${p.message}`);
  for (const q of prepared.questions) {
    if (!q.text) blocking.push(`line ${q.line}: entry ${q.index} has no question text (give it with --texts).`);
    if (q.competencies.length === 0) blocking.push(`line ${q.line}: entry ${q.index} has no competency.`);
  }
  if (prepared.questions.length === 0) blocking.push("line 1: no questions were found in this text.");
  return blocking;
}
