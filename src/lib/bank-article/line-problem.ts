// A problem of the import preview as a fact: a key of the banks namespace's `lineProblems` and its values, which
// the /banks/import page words in the reader's language. The problem's `message` keeps the English (the command
// line, the confirm step's blocking list); a problem without a key is shown as its message.
type LineProblemMessages = (typeof import("@/i18n/messages/en/banks.json"))["lineProblems"];

export type LineProblemKey = keyof LineProblemMessages & string;
export type LineProblemText = { key: LineProblemKey; values?: Record<string, string | number> };

/** The problem in the page's language: `t` is the banks namespace's translator. */
export function wordLineProblem(
  t: (key: `lineProblems.${LineProblemKey}`, values?: Record<string, string | number>) => string,
  // The key arrives through the preview's output as a string (its schema does not list the keys).
  problem: { message: string; key?: string; values?: Record<string, string | number> },
): string {
  return problem.key ? t(`lineProblems.${problem.key as LineProblemKey}`, problem.values) : problem.message;
}
