// Blind review hides who a candidate is, so their name must go from panelists' free text however it was
// typed: any case, with or without accents (José, Jose, JOSÉ, decomposed or not), with its hyphens, apostrophes
// and dots typed differently or left out (O'Brien, O’Brien, OBrien, o brien; Mary-Jane, Mary Jane), and in
// part (the given name alone, the family name alone). Matching runs on a folded copy of the text (NFKD, marks
// stripped, lower case) mapped back to the original, so everything around a match is kept exactly, and only
// whole words match: a candidate called Ann leaves "announce" alone.

/** Hyphens, apostrophes, dots and spaces inside a name, typed any way (or not at all). */
const NAME_SEPARATOR = /[\s\-'’‘`´.·\u2010-\u2015]+/u;
const FLEXIBLE_SEPARATOR = "[\\s\\-'’‘`´.·\\u2010-\\u2015]*";
const HYPHEN = /[-\u2010-\u2015]+/u;
/** Parts shorter than this are not replaced on their own: "Li" or "O" would hit too many ordinary words. */
const MIN_PART_LENGTH = 3;

/** One code point folded for matching: compatibility-decomposed, marks stripped, lower case, ß as ss. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/ß/g, "ss");
}

type Folded = { text: string; start: number[]; end: number[] };

/** The folded text and, for each of its UTF-16 units, where its source code point starts and ends. */
function foldWithMap(text: string): Folded {
  let folded = "";
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const codePoint of text) {
    const next = at + codePoint.length;
    // A combining mark of decomposed input folds to nothing: it belongs to the letter before it.
    const piece = fold(codePoint);
    if (piece === "" && end.length > 0) end[end.length - 1] = next;
    for (let i = 0; i < piece.length; i += 1) {
      folded += piece[i];
      start.push(at);
      end.push(next);
    }
    at = next;
  }
  return { text: folded, start, end };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A name or part as a pattern whose separators may be typed any way or left out. */
const flexible = (segments: string[]) => segments.map(escapeRegExp).join(FLEXIBLE_SEPARATOR);

/**
 * The patterns to look for: the whole name, each space-separated part, and each half of a hyphenated part
 * ("Mary-Jane" gives "Mary" and "Jane"; "O'Brien" stays whole, as "Brien" alone is not how anyone writes it).
 */
function namePatterns(name: string): string[] {
  const folded = fold(name).trim();
  if (!folded) return [];
  const segmentsOf = (text: string) => text.split(NAME_SEPARATOR).filter(Boolean);
  const parts = folded.split(/\s+/);
  const halves = parts.flatMap((part) => part.split(HYPHEN)).filter(Boolean);
  const whole = segmentsOf(folded);
  const candidates: Array<{ pattern: string; length: number }> = [{ pattern: flexible(whole), length: whole.join("").length }];
  for (const segments of [...parts, ...halves].map(segmentsOf)) {
    const length = segments.join("").length;
    if (length >= MIN_PART_LENGTH) candidates.push({ pattern: flexible(segments), length });
  }
  // Longest first, so "Mary-Jane O'Brien" goes whole before "Mary-Jane", and that before "Mary".
  const unique = new Map(candidates.map((c) => [c.pattern, c.length]));
  return [...unique.entries()].sort((a, b) => b[1] - a[1]).map(([pattern]) => pattern);
}

/** `text` with every form of `name` (see above) replaced by `replacement`. */
export function redactName(text: string, name: string, replacement: string): string {
  const patterns = namePatterns(name);
  if (patterns.length === 0 || !text) return text;
  const folded = foldWithMap(text);
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  let result = "";
  let copiedUpTo = 0;
  for (const match of folded.text.matchAll(matcher)) {
    if (match[0].length === 0) continue;
    const from = folded.start[match.index]!;
    const to = folded.end[match.index + match[0].length - 1]!;
    if (from < copiedUpTo) continue;
    result += text.slice(copiedUpTo, from) + replacement;
    copiedUpTo = to;
  }
  return result + text.slice(copiedUpTo);
}

const SEPARATORS = new RegExp(NAME_SEPARATOR.source, "gu");

/** A text folded as redactName matches it, without the separators a name may be typed with: for mayMention. */
export function searchableText(text: string): string {
  return fold(text).replace(SEPARATORS, "");
}

/**
 * What a text must contain (as searchableText) for redactName to find `name` in it: the whole name and each
 * part long enough to be replaced alone, without separators. Worked out once per name.
 */
export function nameKeys(name: string): string[] {
  const folded = fold(name).trim();
  if (!folded) return [];
  const strip = (part: string) => part.replace(SEPARATORS, "");
  const parts = folded.split(/\s+/);
  const halves = parts.flatMap((part) => part.split(HYPHEN));
  const keys = [strip(folded), ...[...parts, ...halves].map(strip).filter((key) => key.length >= MIN_PART_LENGTH)];
  return [...new Set(keys.filter(Boolean))];
}

/**
 * Whether redactName could change a text (given as searchableText) for the name whose nameKeys these are:
 * true whenever it would, and cheap, so a text can be checked against many names and redacted only for those
 * it may mention.
 */
export function mayMention(searchable: string, keys: readonly string[]): boolean {
  return keys.some((key) => searchable.includes(key));
}
