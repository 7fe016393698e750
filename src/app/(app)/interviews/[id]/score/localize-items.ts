// The scoring screen's questions, competencies and anchors in the reader's language: each text's
// translation where the database has one (src/lib/localized-text.ts), else the English. An anchor's
// easy-read text falls back to its English easy-read text, then to the (localized) anchor itself.
import { localizedText } from "@/lib/localized-text";
import type { Item } from "./scoring-screen";

export function localizeItems(items: readonly Item[], locale: string): Item[] {
  return items.map((item) => ({
    ...item,
    text: localizedText(item, "text", locale),
    competencies: item.competencies.map((competency) => ({
      ...competency,
      name: localizedText(competency, "name", locale),
      anchors: competency.anchors.map((anchor) => ({
        ...anchor,
        description: localizedText(anchor, "description", locale),
        easyRead: localizedText(anchor, "easyRead", locale) || localizedText(anchor, "description", locale),
      })),
    })),
  }));
}
