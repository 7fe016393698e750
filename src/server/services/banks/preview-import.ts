// The import preview of pasted text (plain text, Markdown, or HTML pasted as rich text): what it would
// become, and every problem with its line. Writes nothing.
import type { BankFilePreview } from "@/lib/bank-article/formats/prepare-bank-file";
import { prepareBankText } from "@/lib/bank-article/formats/prepare-bank-file";
import type { PreviewImportInput, PreviewImportOutput } from "@/lib/schemas/banks";
import { requirePermission, type Actor } from "@/server/services/actor";
import { competencyKeywords } from "./_shared/competency-keywords";

const MISSING_TEXT = /^The question text of entry (\d+) is missing/;

/** The preview as the page shows it: the parser's wording for a missing question sentence speaks to the command line. */
export function forThePage(preview: BankFilePreview): PreviewImportOutput {
  return {
    ...preview,
    problems: preview.problems.map((p) => {
      const missing = MISSING_TEXT.exec(p.message);
      return missing
        ? { ...p, message: `Entry ${missing[1]} has no question sentence in the article: write the question to ask.`, key: "noQuestionSentence" as const, values: { index: Number(missing[1]) } }
        : p;
    }),
  };
}

export const curatedTexts = (questionTexts: Record<string, string> | undefined) =>
  new Map(Object.entries(questionTexts ?? {}).map(([index, text]) => [Number(index), text]));

export function previewImport(actor: Actor, input: PreviewImportInput): PreviewImportOutput {
  requirePermission(actor, "banks:write");
  return forThePage(prepareBankText(input.source, input.format, { competencies: competencyKeywords(), curated: curatedTexts(input.questionTexts) }));
}
