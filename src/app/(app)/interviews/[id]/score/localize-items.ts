// The scoring screen's questions, competencies and anchors in the reader's language: each text's
// translation where the database has one (src/lib/localized-text.ts), else the English. An anchor's
// easy-read text falls back to its English easy-read text, then to the (localized) anchor itself.
// Applied on the server (page.tsx), for the data the page sends to the browser:
// - the other languages' texts are left out (`translations` emptied): they were about 38% of the scoring
//   page's data with the demo's one other language. A change of language refreshes the page from the server;
// - a competency rated in several questions is one object, which React's payload writes once and refers to
//   afterwards, so its anchors travel once rather than once per question.
import { localizedText } from "@/lib/localized-text";
import type { Item } from "./scoring-screen";

type Competency = Item["competencies"][number];

export function localizeItems(items: readonly Item[], locale: string): Item[] {
  const competencies = new Map<string, Competency>();
  const localized = (competency: Competency): Competency => ({
    ...competency,
    name: localizedText(competency, "name", locale),
    translations: {},
    anchors: competency.anchors.map((anchor) => ({
      ...anchor,
      description: localizedText(anchor, "description", locale),
      easyRead: localizedText(anchor, "easyRead", locale) || localizedText(anchor, "description", locale),
      translations: {},
    })),
  });
  return items.map((item) => ({
    ...item,
    text: localizedText(item, "text", locale),
    translations: {},
    competencies: item.competencies.map((competency) => {
      let shared = competencies.get(competency.id);
      if (!shared) competencies.set(competency.id, (shared = localized(competency)));
      return shared;
    }),
  }));
}
