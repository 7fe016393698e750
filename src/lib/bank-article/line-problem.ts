// A problem of the import preview as a fact: a key of the banks namespace's `lineProblems` and its values, which
// the /banks/import page words in the reader's language. The problem's `message` keeps the English (the command
// line, the confirm step's blocking list); a problem without a key is shown as its message.
type LineProblemMessages = (typeof import("@/i18n/messages/en/banks.json"))["lineProblems"];

export type LineProblemKey = keyof LineProblemMessages & string;
export type LineProblemText = { key: LineProblemKey; values?: Record<string, string | number> };

type PlaceMessages = (typeof import("@/i18n/messages/en/banks.json"))["problemPlaces"];
/** Where a problem is, when "line N" of the file is not enough, as a key of `problemPlaces` and its values. */
export type ProblemPlace = { key: keyof PlaceMessages & string; values?: Record<string, string | number> };

type Say = (key: `lineProblems.${LineProblemKey}` | `problemPlaces.${ProblemPlace["key"]}`, values?: Record<string, string | number>) => string;

/** The problem in the page's language: `t` is the banks namespace's translator. */
export function wordLineProblem(
  t: Say,
  // The key arrives through the preview's output as a string (its schema does not list the keys).
  problem: { message: string; key?: string; values?: Record<string, string | number> },
): string {
  if (!problem.key) return problem.message;
  return t(`lineProblems.${problem.key as LineProblemKey}`, withEntryName(t, problem.values));
}

/** Where the problem is in the page's language; `line` is "line N" already worded, for a problem without a place. */
export function wordProblemPlace(t: Say, problem: { where?: string; place?: { key: string; values?: Record<string, string | number> } }, line: string): string {
  if (problem.place) return t(`problemPlaces.${problem.place.key as ProblemPlace["key"]}`, problem.place.values);
  return problem.where ?? line;
}

// A problem about one entry names it by facts (entryKind, entryNumber, excerpt); the name is worded first, in
// the middle of a sentence (`name`) and at its start (`Name`), and the problem's message places it.
function withEntryName(t: Say, values: Record<string, string | number> | undefined) {
  if (!values || values.entryKind === undefined) return values;
  const facts = { ...values, quoted: values.excerpt ? "yes" : "no" };
  return { ...values, name: t("lineProblems.entryName", facts), Name: t("lineProblems.entryNameStart", facts) };
}
