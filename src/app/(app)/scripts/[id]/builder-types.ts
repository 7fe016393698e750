import type { RouterOutputs } from "@/trpc/types";
import { newKey, type ScriptDocument } from "@/lib/scripts/script-document";

export type LoadedScript = RouterOutputs["scripts"]["get"];
export type CompetencyInfo = { id: string; name: string; definition: string; anchors: { level: number; description: string }[] };
export type BankInfo = { id: string; name: string; questionCount: number };

export function toDocument(script: LoadedScript): ScriptDocument {
  return {
    title: script.title,
    role: script.role,
    instructions: script.version.instructions,
    plannedMinutes: script.version.plannedMinutes,
    targets: script.version.targets.map((t) => ({ competencyId: t.competencyId, weight: t.weight })),
    sections: script.version.sections.map((section) => ({
      key: newKey("section"),
      title: section.title,
      items: section.items.map((item) => ({
        key: newKey("item"),
        questionId: item.questionId,
        text: item.text,
        minutes: item.minutes,
        goodAnswer: item.goodAnswer,
        exampleAnswer: item.exampleAnswer,
        probes: [...item.probes],
        required: item.required,
        competencyIds: [...item.competencyIds],
      })),
    })),
  };
}

/** A translator of the scriptBuilder namespace (useTranslations("scriptBuilder")), or its English in tests. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What must be fixed before the draft can be saved at all; shown instead of saving. */
export function unsavableReasons(doc: ScriptDocument, t: Translate): string[] {
  const reasons: string[] = [];
  if (!doc.title.trim()) reasons.push(t("unsavable.title"));
  if (!doc.role.trim()) reasons.push(t("unsavable.role"));
  if (!Number.isInteger(doc.plannedMinutes) || doc.plannedMinutes < 5 || doc.plannedMinutes > 480) {
    reasons.push(t("unsavable.plannedMinutes"));
  }
  doc.sections.forEach((section, s) => {
    if (!section.title.trim()) reasons.push(t("unsavable.sectionTitle", { number: s + 1 }));
    section.items.forEach((item, i) => {
      const where = { number: i + 1, section: section.title || t("unsavable.sectionFallback", { number: s + 1 }) };
      if (!item.text.trim()) reasons.push(t("unsavable.itemText", where));
      if (!Number.isInteger(item.minutes) || item.minutes < 1 || item.minutes > 120) reasons.push(t("unsavable.itemMinutes", where));
    });
  });
  return reasons;
}
