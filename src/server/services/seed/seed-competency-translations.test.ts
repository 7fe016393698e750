// The curated easy-read anchors follow easy-read guidance in a way a test can check: every level has one in
// English and Spanish, in short sentences (one idea each), and shorter than the anchor it explains.
import { describe, expect, it } from "vitest";
import { readCompetencySeeds } from "./seed-files";

const LEVELS = ["1", "2", "3", "4"] as const;
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);
const words = (sentence: string) => sentence.split(/\s+/).length;

describe("easy-read anchors in seeds/competencies.json", () => {
  const competencies = readCompetencySeeds();

  it("has an English and a Spanish easy-read text for every level of every competency, and Spanish names", () => {
    for (const c of competencies) {
      expect(c.translations?.es?.name, c.slug).toBeTruthy();
      for (const level of LEVELS) {
        expect(c.easyRead?.[level], `${c.slug} ${level}`).toBeTruthy();
        expect(c.translations?.es?.easyRead?.[level], `${c.slug} ${level} es`).toBeTruthy();
        expect(c.translations?.es?.anchors[level], `${c.slug} ${level} es anchor`).toBeTruthy();
      }
    }
  });

  it("writes them in short sentences, each shorter than the anchor it explains", () => {
    for (const c of competencies) {
      for (const level of LEVELS) {
        for (const text of [c.easyRead![level], c.translations!.es!.easyRead![level]]) {
          const parts = sentences(text);
          expect(parts.length, text).toBeGreaterThanOrEqual(2);
          for (const sentence of parts) expect(words(sentence), sentence).toBeLessThanOrEqual(16);
          expect(text.length).toBeLessThan(c.anchors[level].length + 40);
        }
      }
    }
  });
});
