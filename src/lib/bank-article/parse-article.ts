/**
 * Parser for the "N Common <Role> Interview Questions & Answers" family of interview-preparation
 * articles that the question banks are imported from.
 *
 * The family comes in two shapes:
 *  - "numbered": every entry opens with a numbered question line ("1. When dealing with ...?"),
 *    followed by a paragraph on what the question assesses, "How to Answer:", and "Example:" with
 *    one or more quoted paragraphs. Paragraphs are separated by blank lines and the page ends with
 *    site navigation.
 *  - "unnumbered": the question sentences were lost when the page was scraped; each entry is the
 *    "assesses" paragraph, "How to Answer:", and "Example:", one paragraph per line, after an intro.
 *
 * In the unnumbered shape nothing marks where an entry starts, so the closing quote of an example
 * is what separates it from the next entry's "assesses" paragraph. When that quote is missing the
 * parser still splits (the last paragraph before the next "How to Answer:" becomes the next entry's
 * "assesses") but reports an error, because the split is a guess.
 *
 * The parser never drops an entry: an entry missing a part is returned with an empty string for
 * that part and an error problem. All problems carry the 1-based line of the input they refer to.
 */

import type { LineProblemText } from "./line-problem";

export type ParsedQuestion = {
  /** 1-based position in the article. */
  index: number;
  /** 1-based line where the entry starts. */
  line: number;
  /** Question sentence; null when the article has none and no curated text was given. */
  text: string | null;
  textSource: "article" | "curated" | "missing";
  assesses: string;
  howToAnswer: string;
  exampleAnswer: string;
};

export type ParseProblem = {
  line: number;
  severity: "error" | "warning";
  /** The English, for the command line and older callers; the page words `key` and `values` when present. */
  message: string;
  entryIndex?: number;
} & Partial<LineProblemText>;

export type ParsedArticle = {
  title: string | null;
  role: string | null;
  statedCount: number | null;
  shape: "numbered" | "unnumbered" | "unknown";
  questions: ParsedQuestion[];
  problems: ParseProblem[];
};

export type ParseOptions = {
  /** Question sentences keyed by 1-based entry index, for articles that lack them. */
  curatedText?: ReadonlyMap<number, string> | Record<number, string>;
};

type ParagraphKind = "question" | "how-to" | "example" | "other";

type Paragraph = {
  line: number;
  lines: string[];
  /** Lines joined with spaces (hard-wrapped lines belong to one paragraph). */
  text: string;
  kind: ParagraphKind;
  /** Text without the "How to Answer:" / "Example:" / "12." prefix. */
  body: string;
  /** Stated number of a numbered question line. */
  number: number | null;
};

type Shape = ParsedArticle["shape"];
type Phase = "assesses" | "how-to" | "example";
type QuoteState = "unquoted" | "open" | "closed";

type Draft = {
  line: number;
  number: number | null;
  questionText: string | null;
  hasQuestionLine: boolean;
  assesses: Paragraph[];
  howTo: Paragraph[];
  example: Paragraph[];
  phase: Phase;
  /** Set when this entry's last paragraph was handed to the next entry by guesswork. */
  boundaryGuessed: boolean;
  /** Last number of a numbered list running inside the (still open) example answer. */
  innerListNumber: number | null;
};

type Context = {
  shape: Exclude<Shape, "unknown">;
  drafts: Draft[];
  current: Draft | null;
  /** Paragraphs seen outside any entry section, waiting to be claimed or reported. */
  pending: Paragraph[];
  problems: ParseProblem[];
};

const QUESTION_LINE = /^(\d{1,3})[.)]\s+(\S.*)$/;
const HOW_TO_LABEL = /^how to answer(?:\s+(?:this|the)\s+question)?\s*:\s*/i;
const EXAMPLE_LABEL = /^(?:example(?:\s+answer)?|sample\s+answer)\s*:\s*/i;
const COUNTED_TITLE =
  /^(?:top\s+)?(\d{1,3})\s+(?:(?:common|essential|key|important|typical|popular|tough|top|must-know|frequently\s+asked)\s+)*(.+?)\s+interview\s+questions\b.*$/i;
const UNCOUNTED_TITLE = /^(?:(?:common|essential|key|important|typical|top)\s+)+(.+?)\s+interview\s+questions\b.*$/i;
const OPENING_QUOTES = new Set(["\u201c", '"']);
const CLOSING_QUOTES = new Set(["\u201d", '"']);
const EXCERPT_LENGTH = 48;

export function parseArticle(source: string, options: ParseOptions = {}): ParsedArticle {
  const lines = normaliseLines(source);
  const firstTextLine = lines.findIndex((l) => l !== "") + 1;
  if (firstTextLine === 0) {
    return emptyResult("unknown", [{ line: 1, severity: "error", message: "The input is empty.", key: "empty" }]);
  }

  const paragraphs = dropTrailingNavigation(splitParagraphs(lines));
  const shape = detectShape(paragraphs);
  const heading = findTitle(paragraphs);
  if (shape === "unknown") {
    return {
      ...emptyResult(shape, [
        {
          line: firstTextLine,
          severity: "error",
          message:
            'This does not look like an interview-question article: it has no "How to Answer:" or "Example:" sections.',
          key: "notArticle",
        },
      ]),
      ...heading,
    };
  }

  const ctx: Context = { shape, drafts: [], current: null, pending: [], problems: [] };
  for (const paragraph of paragraphs) feed(ctx, paragraph);
  finishInput(ctx);

  const curated = normaliseCurated(options.curatedText);
  const questions = ctx.drafts.map((draft, i) => toQuestion(draft, i + 1, curated.get(i + 1)));
  const problems = [
    ...ctx.problems,
    ...ctx.drafts.flatMap((draft, i) => entryProblems(ctx.shape, draft, i + 1, curated.has(i + 1))),
    ...curatedProblems(curated, questions.length),
    ...countProblems(heading, questions.length),
  ];
  return { ...heading, shape, questions, problems: sortByLine(problems) };
}

function emptyResult(shape: Shape, problems: ParseProblem[]): ParsedArticle {
  return { title: null, role: null, statedCount: null, shape, questions: [], problems };
}

// ---------------------------------------------------------------------------------------------
// Lines and paragraphs

function normaliseLines(source: string): string[] {
  return source
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\u00a0/g, " ").trim());
}

/**
 * Articles either separate paragraphs with blank lines (then consecutive lines are one hard-wrapped
 * paragraph) or put one paragraph per line with no blank lines at all.
 */
function usesBlankLineParagraphs(lines: readonly string[]): boolean {
  const blank = lines.filter((l) => l === "").length;
  return blank * 4 >= lines.length - blank;
}

function splitParagraphs(lines: readonly string[]): Paragraph[] {
  const joinWrapped = usesBlankLineParagraphs(lines);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  for (const [i, text] of lines.entries()) {
    if (text === "") {
      current = null;
      continue;
    }
    const paragraph = classify(text, i + 1);
    // Labels and question numbers always start a paragraph, even without a blank line before them.
    if (current && joinWrapped && paragraph.kind === "other") {
      current.lines.push(text);
      current.text += ` ${text}`;
      current.body += ` ${text}`;
      continue;
    }
    paragraphs.push(paragraph);
    current = paragraph;
  }
  return paragraphs;
}

function classify(text: string, line: number): Paragraph {
  const base = { line, lines: [text], text, number: null };
  const question = QUESTION_LINE.exec(text);
  if (question?.[1] && question[2] && /\p{L}/u.test(question[2])) {
    return { ...base, kind: "question", body: question[2], number: Number(question[1]) };
  }
  const howTo = HOW_TO_LABEL.exec(text);
  if (howTo) return { ...base, kind: "how-to", body: text.slice(howTo[0].length) };
  const example = EXAMPLE_LABEL.exec(text);
  if (example) return { ...base, kind: "example", body: text.slice(example[0].length) };
  return { ...base, kind: "other", body: text };
}

/** Short lines without sentence punctuation ("Previous", "Back to Social Services", other titles). */
function isNavigationLine(line: string): boolean {
  return line.length <= 120 && !/[.!?:;,\u201d"'\u2019)\]]$/.test(line);
}

function dropTrailingNavigation(paragraphs: Paragraph[]): Paragraph[] {
  let end = paragraphs.length;
  while (end > 0) {
    const last = paragraphs[end - 1];
    if (!last || last.kind !== "other" || !last.lines.every(isNavigationLine)) break;
    end -= 1;
  }
  return paragraphs.slice(0, end);
}

// ---------------------------------------------------------------------------------------------
// Title and shape

type Heading = Pick<ParsedArticle, "title" | "role" | "statedCount"> & { titleLine: number | null };

function findTitle(paragraphs: readonly Paragraph[]): Heading {
  // Only the head of the article: the navigation may name other articles of the family.
  const firstSection = paragraphs.findIndex((p) => p.kind !== "other");
  const head = firstSection === -1 ? paragraphs : paragraphs.slice(0, firstSection);
  for (const p of head) {
    const counted = COUNTED_TITLE.exec(p.text);
    if (counted?.[1] && counted[2]) {
      return { title: p.text, role: counted[2], statedCount: Number(counted[1]), titleLine: p.line };
    }
  }
  for (const p of head) {
    const uncounted = UNCOUNTED_TITLE.exec(p.text);
    if (uncounted?.[1]) return { title: p.text, role: uncounted[1], statedCount: null, titleLine: p.line };
  }
  return { title: null, role: null, statedCount: null, titleLine: null };
}

function detectShape(paragraphs: readonly Paragraph[]): Shape {
  const count = (kind: ParagraphKind) => paragraphs.filter((p) => p.kind === kind).length;
  const sections = Math.max(count("how-to"), count("example"));
  if (sections === 0) return "unknown";
  // A numbered list inside one example must not turn an unnumbered article into a numbered one.
  return count("question") * 2 >= sections ? "numbered" : "unnumbered";
}

// ---------------------------------------------------------------------------------------------
// Entry state machine

function feed(ctx: Context, paragraph: Paragraph): void {
  if (paragraph.kind === "question" && ctx.shape === "numbered" && acceptsQuestion(ctx, paragraph)) {
    startQuestion(ctx, paragraph);
  } else if (paragraph.kind === "question" && ctx.current?.phase === "example") {
    ctx.current.innerListNumber = paragraph.number;
    onText(ctx, paragraph);
  } else if (paragraph.kind === "how-to") {
    onHowTo(ctx, paragraph);
  } else if (paragraph.kind === "example") {
    onExample(ctx, paragraph);
  } else {
    onText(ctx, paragraph);
  }
}

function nextPosition(ctx: Context): number {
  return ctx.drafts.length + (ctx.current ? 2 : 1);
}

function expectedNumber(ctx: Context): number {
  const last = ctx.current ?? ctx.drafts.at(-1);
  return last?.number != null ? last.number + 1 : nextPosition(ctx);
}

/**
 * Following the previous number or matching the position both count as in sequence, so one
 * skipped or repeated number is reported once instead of for every later question.
 */
function isInSequence(ctx: Context, number: number | null): boolean {
  return number === expectedNumber(ctx) || number === nextPosition(ctx);
}

/**
 * Inside an example whose quote has not closed, a numbered line is the answer's own list unless it
 * is the next question: it must have the expected number, must not continue a list begun inside the
 * answer, and must not be the paragraph that closes the quote.
 */
function acceptsQuestion(ctx: Context, paragraph: Paragraph): boolean {
  const c = ctx.current;
  if (!c || c.phase !== "example" || quoteState(c) === "closed") return true;
  if (c.innerListNumber !== null && paragraph.number === c.innerListNumber + 1) return false;
  if (!isInSequence(ctx, paragraph.number)) return false;
  return quoteState({ ...c, example: [...c.example, paragraph] }) !== "closed";
}

function startQuestion(ctx: Context, paragraph: Paragraph): void {
  const expected = expectedNumber(ctx);
  const inSequence = isInSequence(ctx, paragraph.number);
  reportStrayText(ctx);
  finishDraft(ctx, true);
  if (!inSequence) {
    ctx.problems.push({
      line: paragraph.line,
      severity: "error",
      message: `Question numbered ${paragraph.number} is out of sequence: expected ${expected}.`,
      key: "outOfSequence",
      values: { number: paragraph.number ?? "", expected },
      entryIndex: ctx.drafts.length + 1,
    });
  }
  ctx.current = {
    ...newDraft(paragraph.line, "assesses", []),
    number: paragraph.number,
    questionText: paragraph.body,
    hasQuestionLine: true,
  };
}

function onHowTo(ctx: Context, paragraph: Paragraph): void {
  const c = ctx.current;
  if (c && c.phase === "assesses") {
    c.howTo.push(paragraph);
    c.phase = "how-to";
  } else if (c && ctx.shape === "numbered" && c.phase === "how-to") {
    warnDuplicateLabel(ctx, paragraph, "How to Answer:");
    c.howTo.push(paragraph);
  } else {
    startUnanchored(ctx, paragraph, "how-to");
  }
}

function onExample(ctx: Context, paragraph: Paragraph): void {
  const c = ctx.current;
  if (c && (c.phase === "assesses" || c.phase === "how-to")) {
    c.example.push(paragraph);
    c.phase = "example";
  } else if (c && ctx.shape === "numbered" && c.phase === "example" && ctx.pending.length === 0) {
    warnDuplicateLabel(ctx, paragraph, "Example:");
    c.example.push(paragraph);
  } else {
    startUnanchored(ctx, paragraph, "example");
  }
}

function warnDuplicateLabel(ctx: Context, paragraph: Paragraph, label: string): void {
  ctx.problems.push({
    line: paragraph.line,
    severity: "warning",
    message: `A second "${label}" in ${describeDraft(ctx.current, ctx.drafts.length + 1)}; it was kept as a further paragraph.`,
    key: "duplicateLabel",
    values: { label, ...draftFacts(ctx.current, ctx.drafts.length + 1) },
    entryIndex: ctx.drafts.length + 1,
  });
}

function onText(ctx: Context, paragraph: Paragraph): void {
  const c = ctx.current;
  if (!c) {
    ctx.pending.push(paragraph);
  } else if (c.phase === "assesses") {
    c.assesses.push(paragraph);
  } else if (c.phase === "how-to") {
    c.howTo.push(paragraph);
  } else if (quoteState(c) !== "closed" || startsWithOpeningQuote(paragraph.text)) {
    // An open quote continues; a freshly quoted paragraph right after a closed one is more of the answer.
    c.example.push(paragraph);
  } else {
    ctx.pending.push(paragraph);
  }
}

/** Starts an entry at a "How to Answer:" or "Example:" that no question line announced. */
function startUnanchored(ctx: Context, paragraph: Paragraph, phase: Exclude<Phase, "assesses">): void {
  let assesses = claimPending(ctx);
  if (assesses.length === 0 && ctx.current && ctx.shape === "unnumbered") {
    assesses = takeBackLastParagraph(ctx.current);
  }
  finishDraft(ctx, true);
  const draft = newDraft(assesses[0]?.line ?? paragraph.line, phase, assesses);
  (phase === "how-to" ? draft.howTo : draft.example).push(paragraph);
  ctx.current = draft;
}

/**
 * The paragraphs since the last example are the next entry's "assesses" text. Before the first
 * entry they are the intro, of which only the last paragraph can be the "assesses" text: the intro
 * has no reliable end marker, and taking more would make intro prose part of entry 1.
 */
function claimPending(ctx: Context): Paragraph[] {
  const pending = ctx.pending;
  ctx.pending = [];
  const isFirstEntry = ctx.drafts.length === 0 && ctx.current === null;
  return isFirstEntry ? pending.slice(-1) : pending;
}

/**
 * Without a closing quote (or with an example missing) the next entry's "assesses" paragraph was
 * swallowed by the previous section; the last paragraph of that section is the best guess for it.
 */
function takeBackLastParagraph(draft: Draft): Paragraph[] {
  const section =
    draft.phase === "example" && quoteState(draft) !== "closed"
      ? draft.example
      : draft.phase === "how-to"
        ? draft.howTo
        : null;
  if (!section || section.length < 2) return [];
  const last = section.pop();
  if (!last) return [];
  draft.boundaryGuessed = true;
  return [last];
}

function newDraft(line: number, phase: Phase, assesses: Paragraph[]): Draft {
  return {
    line,
    number: null,
    questionText: null,
    hasQuestionLine: false,
    assesses,
    howTo: [],
    example: [],
    phase,
    boundaryGuessed: false,
    innerListNumber: null,
  };
}

function reportStrayText(ctx: Context): void {
  const stray = ctx.pending;
  ctx.pending = [];
  const first = stray[0];
  if (!first || !ctx.current) return; // before the first question it is the intro
  ctx.problems.push({
    line: first.line,
    severity: "warning",
    message: `${plural(stray.length, "paragraph")} after the example of ${describeDraft(ctx.current, ctx.drafts.length + 1)} ${stray.length === 1 ? "belongs" : "belong"} to no entry and ${stray.length === 1 ? "was" : "were"} ignored.`,
    key: "strayParagraphs",
    values: { count: stray.length, ...draftFacts(ctx.current, ctx.drafts.length + 1) },
    entryIndex: ctx.drafts.length + 1,
  });
}

function finishInput(ctx: Context): void {
  const index = ctx.drafts.length + 1;
  const last = ctx.current;
  finishDraft(ctx, false);
  const first = ctx.pending[0];
  if (first && last) {
    ctx.problems.push({
      line: first.line,
      severity: "warning",
      message: `${plural(ctx.pending.length, "paragraph")} after the end of the last entry, ${describeDraft(last, index)}, ${ctx.pending.length === 1 ? "was" : "were"} ignored.`,
      key: "trailingParagraphs",
      values: { count: ctx.pending.length, ...draftFacts(last, index) },
    });
  }
  ctx.pending = [];
}

function finishDraft(ctx: Context, followedByEntry: boolean): void {
  const draft = ctx.current;
  if (!draft) return;
  const index = ctx.drafts.length + 1;
  const state = quoteState(draft);
  const exampleLine = draft.example[0]?.line ?? draft.line;
  if (draft.example.length === 0 && draft.boundaryGuessed) {
    ctx.problems.push({
      line: draft.line,
      severity: "warning",
      message: `${capitalise(describeDraft(draft, index))} runs into the next "How to Answer:" without an example; its last paragraph was taken as the next entry's "assesses" paragraph.`,
      key: "runsIntoNext",
      values: draftFacts(draft, index),
      entryIndex: index,
    });
  } else if (draft.example.length > 0 && (state === "open" || (state === "unquoted" && draft.boundaryGuessed))) {
    const guessed = draft.boundaryGuessed && followedByEntry;
    const what = state === "open" ? "opens a quote that never closes" : "is not in quotes";
    ctx.problems.push({
      line: exampleLine,
      severity: guessed ? "error" : "warning",
      message: guessed
        ? `The example answer of ${describeDraft(draft, index)} ${what}, so where it ends is a guess: its last paragraph was taken as the next entry's "assesses" paragraph.`
        : `The example answer of ${describeDraft(draft, index)} ${what}.`,
      key: guessed ? "exampleGuessed" : "exampleQuotes",
      values: { state, ...draftFacts(draft, index) },
      entryIndex: index,
    });
  }
  ctx.drafts.push(draft);
  ctx.current = null;
}

// ---------------------------------------------------------------------------------------------
// Quotes

function exampleText(draft: Draft): string {
  return draft.example
    .map((p, i) => (i === 0 ? p.body : p.text))
    .filter((t) => t !== "")
    .join("\n\n");
}

function countChar(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}

/**
 * Balance counting rather than "ends with a quote": an answer that itself quotes someone
 * (“... she said, “I feel safer.”) must not end the example early.
 */
function quoteState(draft: Draft): QuoteState {
  const text = exampleText(draft);
  const first = text[0];
  if (first === undefined || !OPENING_QUOTES.has(first)) return "unquoted";
  const last = text.at(-1) ?? "";
  if (text.length < 2 || !CLOSING_QUOTES.has(last)) return "open";
  const curlyDepth = countChar(text, "\u201c") - countChar(text, "\u201d");
  const straightOdd = countChar(text, '"') % 2 === 1;
  // Mixed styles (“...") count the straight closer against the curly opener.
  const depth = curlyDepth + (straightOdd ? (first === '"' ? 1 : -1) : 0);
  return depth <= 0 ? "closed" : "open";
}

function startsWithOpeningQuote(text: string): boolean {
  return OPENING_QUOTES.has(text[0] ?? "");
}

function stripExampleQuotes(text: string, state: QuoteState): string {
  if (state === "unquoted") return text;
  const withoutOpening = text.slice(1);
  return (state === "closed" ? withoutOpening.slice(0, -1) : withoutOpening).trim();
}

// ---------------------------------------------------------------------------------------------
// Output

function joinSection(section: readonly Paragraph[], stripLabel: boolean): string {
  return section
    .map((p, i) => (stripLabel && i === 0 ? p.body : p.text).trim())
    .filter((t) => t !== "")
    .join("\n\n");
}

function toQuestion(draft: Draft, index: number, curated: string | undefined): ParsedQuestion {
  const text = curated ?? draft.questionText;
  return {
    index,
    line: draft.line,
    text,
    textSource: curated !== undefined ? "curated" : text !== null ? "article" : "missing",
    assesses: joinSection(draft.assesses, false),
    howToAnswer: joinSection(draft.howTo, true),
    exampleAnswer: stripExampleQuotes(exampleText(draft), quoteState(draft)),
  };
}

function entryProblems(shape: Shape, draft: Draft, index: number, hasCurated: boolean): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const name = describeDraft(draft, index);
  const error = (message: string, text?: LineProblemText) => problems.push({ line: draft.line, severity: "error", message, entryIndex: index, ...text });
  if (shape === "numbered" && !draft.hasQuestionLine) {
    error(`Entry ${index} has no numbered question line before it; the article's numbering is broken here.`, { key: "noQuestionLine", values: { index } });
  } else if (draft.questionText === null && !hasCurated) {
    problems.push({
      line: draft.line,
      severity: "warning",
      message: `The question text of entry ${index} is missing: the article does not state it. Supply curated text for index ${index}.`,
      key: "missingText",
      values: { index },
      entryIndex: index,
    });
  }
  const facts = draftFacts(draft, index);
  if (joinSection(draft.assesses, false) === "") error(`${capitalise(name)} has no paragraph on what the question assesses.`, { key: "noAssesses", values: facts });
  if (joinSection(draft.howTo, true) === "") error(`${capitalise(name)} has no "How to Answer:" paragraph.`, { key: "noHowTo", values: facts });
  if (exampleText(draft) === "") error(`${capitalise(name)} has no "Example:" answer.`, { key: "noExample", values: facts });
  return problems;
}

function normaliseCurated(curated: ParseOptions["curatedText"]): Map<number, string> {
  const entries: Iterable<readonly [number | string, string]> =
    curated === undefined ? [] : curated instanceof Map ? curated.entries() : Object.entries(curated);
  const result = new Map<number, string>();
  for (const [key, value] of entries) {
    const text = value.trim();
    if (text !== "") result.set(Number(key), text);
  }
  return result;
}

function curatedProblems(curated: ReadonlyMap<number, string>, count: number): ParseProblem[] {
  return [...curated.keys()]
    .filter((index) => !Number.isInteger(index) || index < 1 || index > count)
    .map((index) => ({
      line: 1,
      severity: "warning" as const,
      message: `Curated text was given for question ${index}, but the article has ${plural(count, "entry", "entries")}.`,
      key: "curatedOutOfRange" as const,
      values: { index, count },
    }));
}

function countProblems(heading: Heading, found: number): ParseProblem[] {
  if (heading.statedCount === null || heading.statedCount === found) return [];
  return [
    {
      line: heading.titleLine ?? 1,
      severity: "warning",
      message: `The title promises ${heading.statedCount} questions but ${plural(found, "entry was", "entries were")} found.`,
      key: "titleCount",
      values: { stated: heading.statedCount, found },
    },
  ];
}

function sortByLine(problems: ParseProblem[]): ParseProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => a.problem.line - b.problem.line || a.order - b.order)
    .map(({ problem }) => problem);
}

function describeDraft(draft: Draft | null, index: number): string {
  const { entryKind, entryNumber, excerpt } = draftFacts(draft, index);
  const name = `${entryKind} ${entryNumber}`;
  return excerpt === "" ? name : `${name} ("${excerpt}")`;
}

/** What names an entry in a problem, as facts the page words (`entryName` in banks.json's lineProblems). */
function draftFacts(draft: Draft | null, index: number): { entryKind: "question" | "entry"; entryNumber: number; excerpt: string } {
  if (!draft) return { entryKind: "entry", entryNumber: index, excerpt: "" };
  const lead = draft.questionText ?? draft.assesses[0]?.text ?? "";
  const excerpt = lead.length > EXCERPT_LENGTH ? `${lead.slice(0, EXCERPT_LENGTH).trimEnd()}…` : lead;
  return draft.number !== null ? { entryKind: "question", entryNumber: draft.number, excerpt } : { entryKind: "entry", entryNumber: index, excerpt };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  const [word, ...rest] = (n === 1 ? singular : pluralForm).split(" ");
  return [`${n} ${word}`, ...rest].join(" ");
}
