// The column mapping's first suggestion: the organisation's remembered mapping where the file has those
// headers, else a guess from header names as applicant tracking systems export them.
import { IMPORT_FIELDS, MAX_IMPORT_HEADER_CHARS, type ImportField, type ImportMapping, type MappingProblem } from "@/lib/schemas/candidate-import";

/** Header spellings per field, normalised (lower case, letters and digits only). */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ["name", "fullname", "candidate", "candidatename", "applicant", "applicantname"],
  email: ["email", "emailaddress", "mail", "candidateemail"],
  phone: ["phone", "phonenumber", "mobile", "mobilephone", "telephone", "tel", "cell"],
  vacancy: ["vacancy", "vacancytitle", "vacancyid", "job", "jobtitle", "position", "role", "opening", "requisition"],
  notes: ["notes", "note", "comments", "comment", "remarks"],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

export const EMPTY_MAPPING: ImportMapping = { name: null, email: null, phone: null, vacancy: null, notes: null };

/**
 * A mapping guessed from the headers alone. A header longer than a mapping may name is never guessed (the
 * comparison drops all but Latin letters and digits, so "Name / " and 300 characters of Cyrillic reads as
 * "name"): the preview's output would fail its own schema; the person chooses the columns instead.
 */
export function guessMapping(headers: string[]): ImportMapping {
  const mapping = { ...EMPTY_MAPPING };
  const used = new Set<string>();
  const candidates = headers.filter((header) => header.length <= MAX_IMPORT_HEADER_CHARS);
  for (const field of IMPORT_FIELDS) {
    const header = candidates.find((candidate) => !used.has(candidate) && SYNONYMS[field].includes(normalise(candidate)));
    if (header) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

/** A stored mapping (JSON from the database, possibly old or odd) kept only where this file has the header. */
export function rememberedMapping(stored: unknown, headers: string[]): ImportMapping | null {
  if (!stored || typeof stored !== "object") return null;
  const mapping = { ...EMPTY_MAPPING };
  let any = false;
  for (const field of IMPORT_FIELDS) {
    const header = (stored as Record<string, unknown>)[field];
    if (typeof header === "string" && header.length <= MAX_IMPORT_HEADER_CHARS && headers.includes(header)) {
      mapping[field] = header;
      any = true;
    }
  }
  return any ? mapping : null;
}

/**
 * The first suggestion: the remembered mapping where this file has those headers, and the guess for every
 * field it leaves unset (a file with another name column but the same "Job" column still gets its name
 * column guessed), never giving one header to two fields.
 */
export function suggestMapping(stored: unknown, headers: string[]): { mapping: ImportMapping; remembered: boolean } {
  const remembered = rememberedMapping(stored, headers);
  const guessed = guessMapping(headers);
  if (!remembered) return { mapping: guessed, remembered: false };
  const mapping = { ...remembered };
  const used = new Set(Object.values(mapping).filter((header): header is string => typeof header === "string" && header !== ""));
  for (const field of IMPORT_FIELDS) {
    const guess = guessed[field];
    if (!mapping[field] && guess && !used.has(guess)) {
      mapping[field] = guess;
      used.add(guess);
    }
  }
  return { mapping, remembered: true };
}

/** What is wrong with a mapping as a whole (not with a row), for the mapping step to word. */
export function mappingProblems(mapping: ImportMapping, headers: string[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.name) problems.push({ key: "noName", values: {} });
  const seen = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (!header) continue;
    if (!headers.includes(header)) problems.push({ key: "noColumn", values: { header } });
    const earlier = seen.get(header);
    // The fields by name (name, email…): each language's message words them.
    if (earlier) problems.push({ key: "chosenTwice", values: { header, earlier, field } });
    seen.set(header, field);
  }
  return problems;
}
