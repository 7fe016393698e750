// Reads and validates the curated seed files in seeds/ (competency framework and built-in banks).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { bankTranslationsSchema, questionTranslationsSchema } from "./seed-bank-translations";
import { competencyTranslationsSchema, easyReadLevelsSchema } from "./seed-competency-translations";

const levelText = z.string().trim().min(1);

export const competencySeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  definition: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
  anchors: z.object({ "1": levelText, "2": levelText, "3": levelText, "4": levelText }),
  easyRead: easyReadLevelsSchema.optional(),
  translations: competencyTranslationsSchema.optional(),
});
export type CompetencySeed = z.infer<typeof competencySeedSchema>;

export const bankSeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  role: z.string().min(1),
  article: z.string().min(1),
  source: z.string().min(1),
  translations: bankTranslationsSchema.optional(),
  questions: z
    .array(
      z.object({
        index: z.number().int().positive(),
        competencies: z.array(z.string()).min(1).max(3),
        text: z.string().min(1).optional(),
        reconstructed: z.boolean().optional(),
        assessesStartsWith: z.string().optional(),
        translations: questionTranslationsSchema.optional(),
      }),
    )
    .min(1),
});
export type BankSeed = z.infer<typeof bankSeedSchema>;

export const DEFAULT_SEEDS_DIR = path.resolve(process.cwd(), "seeds");

export function readCompetencySeeds(seedsDir = DEFAULT_SEEDS_DIR): CompetencySeed[] {
  const raw: unknown = JSON.parse(readFileSync(path.join(seedsDir, "competencies.json"), "utf8"));
  return z.array(competencySeedSchema).parse(raw);
}

export type BankSeedWithArticle = BankSeed & { articleText: string };

export function readBankSeeds(seedsDir = DEFAULT_SEEDS_DIR): BankSeedWithArticle[] {
  const dir = path.join(seedsDir, "banks");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const bank = bankSeedSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
      return { ...bank, articleText: readFileSync(path.join(seedsDir, bank.article), "utf8") };
    });
}
