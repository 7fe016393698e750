// The built-in framework's competencies with their keywords and names, for suggesting competencies in the
// import preview. Bundled with the app: reading seeds/ at run time through seed-files.ts would make Next trace
// the whole project into the server build (its bank reader opens paths it only learns at run time). The seed
// validates this file in full on every start.
import { z } from "zod";
import type { NamedCompetency } from "@/lib/bank-article/formats/table-to-import";
import competencySeeds from "../../../../../seeds/competencies.json";

const competencyKeywordsSchema = z.array(
  z.object({ slug: z.string().min(1), name: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) }),
);

let keywords: readonly NamedCompetency[] | null = null;
export function competencyKeywords(): readonly NamedCompetency[] {
  keywords ??= competencyKeywordsSchema.parse(competencySeeds);
  return keywords;
}
