import type { PrintableScriptInput } from "@/lib/schemas/scripts";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { translationsFrom } from "@/lib/localized-text";
import { competencyGuideSelect, itemGuideSelect } from "./_shared/selects";
import { itemTranslationsFromQuestion } from "./_shared/item-translations";

/**
 * One version of a script laid out for paper: every question with its guidance and, for each competency
 * it is rated on, the definition and the behavioural anchors. Defaults to the working version.
 */
export async function getPrintableScript(db: Db, actor: Actor, input: PrintableScriptInput) {
  requirePermission(actor, "scripts:read");
  const script = await db.interviewScript.findFirst({
    where: { id: input.id, orgId: actor.orgId },
    select: { id: true, title: true, role: true },
  });
  if (!script) throw notFound("Script");
  const version = await db.scriptVersion.findFirst({
    where: { scriptId: script.id, ...(input.versionId ? { id: input.versionId } : {}) },
    orderBy: { version: "desc" },
    select: {
      version: true,
      publishedAt: true,
      instructions: true,
      plannedMinutes: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          title: true,
          items: {
            orderBy: { position: "asc" },
            select: {
              ...itemGuideSelect,
              // The bank question's translations, for the texts the item still has as the bank wrote them (issue 23).
              question: { select: { text: true, howToAnswer: true, exampleAnswer: true, translations: true } },
              competencies: {
                orderBy: { position: "asc" },
                select: {
                  competency: {
                    select: {
                      ...competencyGuideSelect,
                      translations: true,
                      anchors: { ...competencyGuideSelect.anchors, select: { ...competencyGuideSelect.anchors.select, translations: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!version) throw notFound("Script version");
  const sections = version.sections.map((section) => ({
    title: section.title,
    items: section.items.map(({ competencies, question, ...item }) => ({
      ...item,
      translations: itemTranslationsFromQuestion(item, question),
      competencies: competencies.map(({ competency: { translations, anchors, ...competency } }) => ({
        ...competency,
        translations: translationsFrom(translations),
        anchors: anchors.map((anchor) => ({ ...anchor, translations: translationsFrom(anchor.translations) })),
      })),
    })),
  }));
  return {
    title: script.title,
    role: script.role,
    version: version.version,
    publishedAt: version.publishedAt,
    instructions: version.instructions,
    plannedMinutes: version.plannedMinutes,
    totalMinutes: sections.reduce((sum, s) => sum + s.items.reduce((m, i) => m + i.minutes, 0), 0),
    sections,
  };
}
