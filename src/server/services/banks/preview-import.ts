// The import preview: what an article would become, and every problem with its line. Writes nothing.
import { z } from "zod";
import { prepareArticleImport } from "@/lib/bank-article/prepare-import";
import type { PreviewImportInput } from "@/lib/schemas/banks";
import type { CompetencyKeywords } from "@/lib/bank-article/suggest-competencies";
import { requirePermission, type Actor } from "@/server/services/actor";
// The built-in framework's keywords, bundled with the app. (Reading seeds/ at run time through
// seed-files.ts would make Next trace the whole project into the server build: its bank reader opens
// paths it only learns at run time.) The seed validates this file in full on every start.
import competencySeeds from "../../../../seeds/competencies.json";

const competencyKeywordsSchema = z.array(z.object({ slug: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) }));

let keywords: readonly CompetencyKeywords[] | null = null;
function competencyKeywords(): readonly CompetencyKeywords[] {
  keywords ??= competencyKeywordsSchema.parse(competencySeeds);
  return keywords;
}

const MISSING_TEXT = /^The question text of entry (\d+) is missing/;

export function previewImport(actor: Actor, input: PreviewImportInput) {
  requirePermission(actor, "banks:write");
  const curated = new Map(Object.entries(input.questionTexts ?? {}).map(([index, text]) => [Number(index), text]));
  const prepared = prepareArticleImport(input.source, competencyKeywords(), curated);
  return {
    title: prepared.title,
    role: prepared.role,
    questions: prepared.questions,
    // The parser's wording for a missing question sentence speaks to the command line; say what to do here.
    problems: prepared.problems.map((p) => {
      const missing = MISSING_TEXT.exec(p.message);
      return missing
        ? { ...p, message: `Entry ${missing[1]} has no question sentence in the article: write the question to ask.` }
        : p;
    }),
  };
}
