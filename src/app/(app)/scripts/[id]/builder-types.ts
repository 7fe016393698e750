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

/** What must be fixed before the draft can be saved at all; shown instead of saving. */
export function unsavableReasons(doc: ScriptDocument): string[] {
  const reasons: string[] = [];
  if (!doc.title.trim()) reasons.push("Give the script a title.");
  if (!doc.role.trim()) reasons.push("Name the role it hires for.");
  if (!Number.isInteger(doc.plannedMinutes) || doc.plannedMinutes < 5 || doc.plannedMinutes > 480) {
    reasons.push("Planned length must be between 5 and 480 minutes.");
  }
  doc.sections.forEach((section, s) => {
    if (!section.title.trim()) reasons.push(`Section ${s + 1} needs a title.`);
    section.items.forEach((item, i) => {
      const where = `Question ${i + 1} in "${section.title || `section ${s + 1}`}"`;
      if (!item.text.trim()) reasons.push(`${where} needs its text.`);
      if (!Number.isInteger(item.minutes) || item.minutes < 1 || item.minutes > 120) reasons.push(`${where}: minutes must be 1 to 120.`);
    });
  });
  return reasons;
}
