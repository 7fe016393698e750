import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/seeded-random";
import { legacySlugForBankName, slugForBankName } from "./bank-slug";

const isWellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe("slugForBankName", () => {
  it("gives an ASCII name with 1 to 60 letters and digits the slug the first rule gave it", () => {
    const names = ["Peer Support", "  peer support!  ", "C++ & Go developers", "Night team 2", "---x---", "Team #1: (Nights)", "a".repeat(60), "ab cd"];
    for (const name of names) expect(slugForBankName(name), name).toBe(legacySlugForBankName(name));
    expect(slugForBankName("Peer Support")).toBe("peer-support");

    const random = seededRandom(12);
    for (let i = 0; i < 2000; i++) {
      const length = 2 + Math.floor(random() * 50);
      const name = Array.from({ length }, () => String.fromCharCode(0x20 + Math.floor(random() * 95))).join("");
      if (!/[a-z0-9]/i.test(name)) continue;
      expect(slugForBankName(name), JSON.stringify(name)).toBe(legacySlugForBankName(name));
    }
  });

  it("keeps letters of any script, so names in Greek, Arabic, Chinese, Cyrillic and Hebrew do not share one slug", () => {
    const names = ["Ερωτήσεις συνέντευξης", "أسئلة المقابلة", "面接の質問", "営業の質問", "Вопросы для собеседования", "שאלות לראיון", "साक्षात्कार प्रश्न"];
    const slugs = names.map(slugForBankName);
    expect(new Set(slugs).size).toBe(names.length);
    for (const slug of slugs) expect(slug).not.toBe("bank");
    expect(slugForBankName("Ερωτήσεις συνέντευξης")).toBe("ερωτήσεις-συνέντευξης");
    expect(slugForBankName("أسئلة المقابلة")).toBe("أسئلة-المقابلة");
    // Every old slug of these was "bank": the old rule is what the duplicate check matches old rows by.
    for (const name of names) expect(legacySlugForBankName(name)).toBe("bank");
  });

  it("still treats case, spacing and punctuation alike in every script", () => {
    expect(slugForBankName("  Ερωτήσεις  Συνέντευξης! ")).toBe(slugForBankName("ερωτήσεις συνέντευξης"));
    expect(slugForBankName("ВОПРОСЫ — для собеседования")).toBe(slugForBankName("вопросы для собеседования"));
    // Full-width letters and digits (typed with a Japanese keyboard) are the same letters.
    expect(slugForBankName("Ｔｅａｍ １")).toBe(slugForBankName("team 1"));
  });

  it("tells apart names whose ASCII letters agree: accents, and other scripts around the same Latin", () => {
    expect(slugForBankName("Café")).not.toBe(slugForBankName("Cafè"));
    expect(slugForBankName("面接 A")).not.toBe(slugForBankName("営業 A"));
    expect(slugForBankName("Entrevista técnica")).toBe("entrevista-técnica");
  });

  it("tells apart long names that agree in their first 60 letters, and keeps the slug short", () => {
    const start = "Customer service representative first interview round for ";
    const [evening, morning] = [`${start}the evening shift`, `${start}the morning shift`];
    expect(slugForBankName(evening)).not.toBe(slugForBankName(morning));
    expect(slugForBankName(evening.toUpperCase())).toBe(slugForBankName(evening));
    for (const name of [evening, "ü".repeat(120), "𠀀".repeat(120)]) {
      expect(Array.from(slugForBankName(name)).length).toBeLessThanOrEqual(80);
      expect(isWellFormed(slugForBankName(name)), name).toBe(true);
    }
    expect(slugForBankName("𠀀".repeat(119) + "a")).not.toBe(slugForBankName("𠀀".repeat(119) + "b"));
  });

  it("gives names of symbols alone (emoji) a slug of their own, the same for the same name", () => {
    const slugs = ["🙂🙂", "🚀🚀", "!!", "??"].map(slugForBankName);
    expect(new Set(slugs).size).toBe(4);
    for (const slug of slugs) expect(slug).toMatch(/^bank-[0-9a-f]+$/);
    expect(slugForBankName(" 🙂 🙂 ")).toBe(slugForBankName("🙂🙂"));
  });
});
