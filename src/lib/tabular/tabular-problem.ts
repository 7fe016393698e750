// Why a file was refused, as a fact: a key of errors.json's `tabular` group and its values. Callers word it in
// the reader's language (the candidate import's refusal through AppError, the bank import's inside its own
// refusal); `.message` of a TabularError keeps the English (logs, the command line, tests).
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { loadMessages } from "@/i18n/load-messages";

type TabularMessages = (typeof import("@/i18n/messages/en/errors.json"))["tabular"];

export type TabularProblem = {
  key: `tabular.${keyof TabularMessages & string}`;
  values?: Record<string, string | number>;
};

let english: ((key: string, values?: Record<string, string | number>) => string) | null = null;

/** The problem in English, from the same message file the page words it from. */
export function englishTabularProblem(problem: TabularProblem): string {
  english ??= createTranslator({ locale: "en", messages: loadMessages("en") as AbstractIntlMessages, namespace: "errors" }) as unknown as typeof english;
  return english!(problem.key, problem.values);
}
