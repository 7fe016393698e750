// The questions of the script version an interview runs with, numbered as the panel sees them.
import type { Prisma } from "@/generated/prisma/client";
import { translationsFrom, type Translations } from "@/lib/localized-text";
import { anchorsInOrderSelect } from "../../_shared/selects";

type Reader = Pick<Prisma.TransactionClient, "scriptSection">;

export async function loadScriptLayout(db: Reader, scriptVersionId: string) {
  const sections = await db.scriptSection.findMany({
    where: { versionId: scriptVersionId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      title: true,
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          text: true,
          minutes: true,
          goodAnswer: true,
          probes: true,
          required: true,
          // The bank question's translations apply while the item still asks it as written (see itemTranslations).
          question: { select: { text: true, translations: true } },
          competencies: {
            orderBy: { position: "asc" },
            select: {
              competency: {
                select: {
                  id: true,
                  name: true,
                  translations: true,
                  anchors: { ...anchorsInOrderSelect, select: { ...anchorsInOrderSelect.select, easyRead: true, translations: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  let number = 0;
  return sections.flatMap((section) =>
    section.items.map(({ id, competencies, question, ...item }) => ({
      itemId: id,
      number: ++number,
      sectionTitle: section.title,
      ...item,
      translations: itemTranslations(item.text, question),
      competencies: competencies.map(({ competency: { translations, anchors, ...competency } }) => ({
        ...competency,
        translations: translationsFrom(translations),
        anchors: anchors.map((anchor) => ({ ...anchor, translations: translationsFrom(anchor.translations) })),
      })),
    })),
  );
}

/**
 * A script item's text in other languages: its bank question's translations, only while the item asks the
 * question as the bank wrote it (an item reworded by the script's author has no translation of its own).
 */
function itemTranslations(text: string, question: { text: string; translations: unknown } | null): Translations {
  if (!question || question.text !== text) return {};
  const result: Translations = {};
  for (const [locale, fields] of Object.entries(translationsFrom(question.translations))) {
    if (fields.text) result[locale] = { text: fields.text };
  }
  return result;
}

export type ScriptLayoutItem = Awaited<ReturnType<typeof loadScriptLayout>>[number];
