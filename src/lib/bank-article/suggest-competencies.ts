/**
 * Rule-based competency suggestions for an imported interview question.
 *
 * Rule: every competency keyword is matched case-insensitively at the start of a word and may run
 * on into a longer word, so stems work ("ethic" matches "ethical", "collaborat" matches
 * "collaborating"); a plural keyword also matches its singular ("boundaries" matches "boundary"),
 * and spaces and hyphens in a keyword are interchangeable ("self care" = "self-care"). A
 * competency scores, for each field, the number of its distinct keywords found there times the
 * field's weight: question text 3, "what it assesses" 3, "how to answer" 1, because the first two
 * say what the question is about while the advice mentions many skills in passing. Competencies
 * scoring less than half the top score are dropped, the rest are ordered by score (ties keep the
 * order of the competency list) and cut to `max` (default 3). No keyword hit means an empty list,
 * which the caller reports. The result depends only on the inputs.
 */

export type CompetencyKeywords = { slug: string; keywords: readonly string[] };

export type SuggestInput = { text?: string | null; assesses: string; howToAnswer?: string };

const FIELD_WEIGHTS = { text: 3, assesses: 3, howToAnswer: 1 } as const;
/** Fraction of the top score a competency needs to be suggested alongside the top one. */
const KEEP_RATIO = 0.5;
const DEFAULT_MAX = 3;

export function suggestCompetencies(
  input: SuggestInput,
  competencies: readonly CompetencyKeywords[],
  max: number = DEFAULT_MAX,
): string[] {
  if (max < 1) return [];
  const fields = [
    { text: normalise(input.text ?? ""), weight: FIELD_WEIGHTS.text },
    { text: normalise(input.assesses), weight: FIELD_WEIGHTS.assesses },
    { text: normalise(input.howToAnswer ?? ""), weight: FIELD_WEIGHTS.howToAnswer },
  ];
  const scored = competencies
    .map((competency, order) => ({ slug: competency.slug, order, score: scoreCompetency(competency, fields) }))
    .filter((c) => c.score > 0);
  const top = Math.max(0, ...scored.map((c) => c.score));
  return scored
    .filter((c) => c.score >= top * KEEP_RATIO)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map((c) => c.slug);
}

type WeightedField = { text: string; weight: number };

function scoreCompetency(competency: CompetencyKeywords, fields: readonly WeightedField[]): number {
  const patterns = competency.keywords.map(keywordPattern).filter((p): p is RegExp => p !== null);
  let score = 0;
  for (const field of fields) {
    if (field.text === "") continue;
    score += field.weight * patterns.filter((p) => p.test(field.text)).length;
  }
  return score;
}

function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\u2018\u2019]/g, "'");
}

const patternCache = new Map<string, RegExp | null>();

function keywordPattern(keyword: string): RegExp | null {
  const cached = patternCache.get(keyword);
  if (cached !== undefined) return cached;
  const pattern = buildPattern(normalise(keyword).trim());
  patternCache.set(keyword, pattern);
  return pattern;
}

function buildPattern(keyword: string): RegExp | null {
  const words = keyword.split(/[\s\-\u2010\u2011]+/).filter((w) => w !== "");
  const last = words.pop();
  if (last === undefined) return null;
  const body = [...words.map(escapeRegExp), singularAlternatives(last)].join("[\\s\\-\\u2010\\u2011]*");
  // No end boundary on purpose: keywords are stems and may run on into a longer word.
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}`, "u");
}

/** "boundaries" -> boundar(?:y|ies), "beliefs" -> belief; "crisis" and "stress" stay as they are. */
function singularAlternatives(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${escapeRegExp(word.slice(0, -3))}(?:y|ies)`;
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return escapeRegExp(word.slice(0, -1));
  return escapeRegExp(word);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
