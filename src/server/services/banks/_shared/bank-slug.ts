// The slug a bank's name is kept unique by (see bank-names.ts). It is the name's letters and digits in any
// script, lower-cased, with each run of anything else made one "-": "Peer Support" and "peer support!" share
// "peer-support", "Ερωτήσεις συνέντευξης" is "ερωτήσεις-συνέντευξης". For a name of ASCII characters with up to
// 60 letters and digits that is exactly the slug the first rule gave (`legacySlugForBankName`). Rows keep the
// slug they were stored with; the duplicate check knows the first rule's slugs (bank-names.ts).
import { createHash } from "node:crypto";

const MAX_LETTERS = 60;

/** The first rule, which kept only a–z and 0–9: every name in another script became "bank". Old rows keep it. */
export const legacySlugForBankName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_LETTERS) || "bank";

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);

export function slugForBankName(name: string): string {
  // NFKC makes full-width "Ｔｅａｍ" and "Team" one name; ASCII is left as it is.
  const text = name.normalize("NFKC").toLowerCase();
  const slug = text.replace(/[^\p{L}\p{M}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  // By code point, so a letter outside the BMP is never cut in half.
  const letters = Array.from(slug);
  if (letters.length > MAX_LETTERS) {
    // Two long names agreeing in their first 60 letters would otherwise share a slug.
    return `${letters.slice(0, MAX_LETTERS).join("").replace(/-+$/, "")}-${digest(slug)}`;
  }
  if (slug) return slug;
  // No letter or digit in any script (emoji or punctuation alone): what is there, fingerprinted.
  const symbols = text.replace(/[\s\p{C}]+/gu, "");
  return symbols ? `bank-${digest(symbols)}` : "bank";
}
