// Texts of the built-in banks in other languages (issue 23), curated beside each entry in seeds/banks/*.json
// as "translations": { "es": { ... } }. The source articles stay in English; these are translations of them.
// Written into the `translations` JSON columns of QuestionBank and Question, idempotently, so a database
// seeded before the translations existed receives them on its next start (prepare-database re-seeds when
// the seed files change).
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";

const text = z.string().trim().min(1);
const locale = z.enum(["es"]);

export const bankTranslationsSchema = z.partialRecord(locale, z.object({ name: text, role: text }));
export const questionTranslationsSchema = z.partialRecord(
  locale,
  z.object({ text, assesses: text, howToAnswer: text, exampleAnswer: text }),
);

type BankWithTranslations = {
  translations?: z.infer<typeof bankTranslationsSchema>;
  questions: { index: number; translations?: z.infer<typeof questionTranslationsSchema> }[];
};

/** Writes a built-in bank's translations and its questions'; returns how many rows changed. */
export async function seedBankTranslations(tx: Prisma.TransactionClient, bankId: string, bank: BankWithTranslations): Promise<number> {
  let changed = 0;
  const row = await tx.questionBank.findUniqueOrThrow({ where: { id: bankId }, select: { translations: true } });
  const wantedBank = bank.translations ?? {};
  if (!isDeepStrictEqual(row.translations, wantedBank)) {
    await tx.questionBank.update({ where: { id: bankId }, data: { translations: wantedBank } });
    changed++;
  }
  const questions = await tx.question.findMany({ where: { bankId }, select: { id: true, position: true, translations: true } });
  for (const seed of bank.questions) {
    const question = questions.find((q) => q.position === seed.index);
    const wanted = seed.translations ?? {};
    if (!question || isDeepStrictEqual(question.translations, wanted)) continue;
    await tx.question.update({ where: { id: question.id }, data: { translations: wanted } });
    changed++;
  }
  return changed;
}
