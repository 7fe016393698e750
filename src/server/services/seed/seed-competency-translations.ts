// The built-in competencies' easy-read anchors and their texts in other languages (issue 23), curated in
// seeds/competencies.json beside the anchors as "easyRead": { "1": ... } and
// "translations": { "es": { name, definition, anchors, easyRead } }. Written into CompetencyAnchor.easyRead
// and the `translations` JSON columns idempotently, so a database seeded before they existed receives them
// on its next start (prepare-database re-seeds when the seed files change).
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";

const text = z.string().trim().min(1);
const levels = z.object({ "1": text, "2": text, "3": text, "4": text });
const locale = z.enum(["es"]);

/** Plain-language text for each level: short sentences, common words, one idea per sentence. */
export const easyReadLevelsSchema = levels;
export const competencyTranslationsSchema = z.partialRecord(
  locale,
  z.object({ name: text, definition: text, anchors: levels, easyRead: levels.optional() }),
);

type CompetencyExtras = {
  easyRead?: z.infer<typeof levels>;
  translations?: z.infer<typeof competencyTranslationsSchema>;
};
type Level = keyof z.infer<typeof levels>;

/** Writes a built-in competency's translations and its anchors' easy-read texts; returns how many rows changed. */
export async function seedCompetencyTranslations(tx: Prisma.TransactionClient, competencyId: string, seed: CompetencyExtras): Promise<number> {
  let changed = 0;
  const row = await tx.competency.findUniqueOrThrow({ where: { id: competencyId }, select: { translations: true } });
  const wanted: Record<string, { name: string; definition: string }> = {};
  for (const [loc, t] of Object.entries(seed.translations ?? {})) wanted[loc] = { name: t.name, definition: t.definition };
  if (!isDeepStrictEqual(row.translations, wanted)) {
    await tx.competency.update({ where: { id: competencyId }, data: { translations: wanted } });
    changed++;
  }
  const anchors = await tx.competencyAnchor.findMany({ where: { competencyId }, select: { id: true, level: true, easyRead: true, translations: true } });
  for (const anchor of anchors) {
    const level = String(anchor.level) as Level;
    const easyRead = seed.easyRead?.[level] ?? "";
    const translations: Record<string, { description: string; easyRead?: string }> = {};
    for (const [loc, t] of Object.entries(seed.translations ?? {})) {
      translations[loc] = { description: t.anchors[level], ...(t.easyRead ? { easyRead: t.easyRead[level] } : {}) };
    }
    if (anchor.easyRead === easyRead && isDeepStrictEqual(anchor.translations, translations)) continue;
    await tx.competencyAnchor.update({ where: { id: anchor.id }, data: { easyRead, translations } });
    changed++;
  }
  return changed;
}
