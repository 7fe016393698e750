// The fields a question-bank spreadsheet maps its columns to, guessed from the header names and remembered
// per organisation (Organization.bankImportMapping) as header names, so a re-exported sheet with its columns
// in another order maps the same. Browser-safe: the page's mapping step uses it too.

export const BANK_FIELDS = [
  { key: "text", label: "Question", required: false, synonyms: ["question", "question text", "interview question", "questions", "prompt"] },
  { key: "assesses", label: "What it assesses", required: true, synonyms: ["what it assesses", "assesses", "what this assesses", "purpose", "why ask", "rationale", "what the question assesses"] },
  { key: "howToAnswer", label: "What a good answer covers", required: true, synonyms: ["guidance", "how to answer", "what a good answer covers", "good answer", "look for", "what to look for", "scoring guidance"] },
  { key: "exampleAnswer", label: "Example answer", required: true, synonyms: ["example", "example answer", "sample answer", "model answer"] },
  { key: "competencies", label: "Competencies", required: false, synonyms: ["competencies", "competency", "skills", "skill", "tags"] },
] as const;

export type BankField = (typeof BANK_FIELDS)[number]["key"];
/** Field to header name; null (or absent) means the field is not in the sheet. */
export type BankColumnMapping = Partial<Record<BankField, string | null>>;

/** The longest header a mapping may name (bankColumnMappingSchema's limit). */
export const MAX_BANK_HEADER_CHARS = 200;

const normal = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * The mapping to start from: the remembered one where its headers are all in this sheet, otherwise each field
 * to the header that names it (exactly first, then a header that starts with one of its names). A header
 * longer than a mapping may name (a title or an instruction in the first row: "Questions for the role – write
 * one per row, …") is never guessed: the person then chooses the columns in the mapping step.
 */
export function guessBankMapping(headers: readonly string[], remembered?: BankColumnMapping | null): BankColumnMapping {
  if (remembered && Object.values(remembered).every((h) => h == null || headers.includes(h)) && Object.values(remembered).some(Boolean)) {
    return remembered;
  }
  const taken = new Set<string>();
  const mapping: BankColumnMapping = {};
  const candidates = headers.filter((h) => h.length <= MAX_BANK_HEADER_CHARS);
  for (const field of BANK_FIELDS) {
    const names = field.synonyms.map(normal);
    const exact = candidates.find((h) => !taken.has(h) && names.includes(normal(h)));
    const loose = exact ?? candidates.find((h) => !taken.has(h) && names.some((n) => normal(h).startsWith(n)));
    mapping[field.key] = loose ?? null;
    if (loose) taken.add(loose);
  }
  return mapping;
}
