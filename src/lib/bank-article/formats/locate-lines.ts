// Where a problem found in converted text is in the file the person has. Markdown converts line for line, so
// its lines are the file's own. HTML lines are matched back to the source by their text, in order; a line that
// cannot be matched, and every line of a Word document (which has paragraphs, not lines), is named as a line
// of the converted text with its opening words, so the person can find it.
import type { ProblemPlace } from "../line-problem";
import type { PreparedImport } from "../prepare-import";
import type { ArticleFormat } from "./read-bank-file";

/** `where` is the English (command line, blocking list); `place` the same as facts the page words. */
export type LocatedProblem = PreparedImport["problems"][number] & { where?: string; place?: ProblemPlace };
export type LocatedImport = Omit<PreparedImport, "problems"> & { problems: LocatedProblem[] };

const SNIPPET = 32;
const EXCERPT = 40;

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", rsquo: "\u2019", lsquo: "\u2018",
  rdquo: "\u201d", ldquo: "\u201c", mdash: "\u2014", ndash: "\u2013", hellip: "\u2026",
};

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** For each converted line (index 0 = line 1), the HTML source line it came from, or null. */
export function mapHtmlLines(convertedText: string, html: string): (number | null)[] {
  const sourceLines = html.split(/\r\n|\r|\n/).map((l) => squash(decodeEntities(l.replace(/<[^>]*>/g, ""))));
  let from = 0;
  return convertedText.split("\n").map((line) => {
    const snippet = squash(line).slice(0, SNIPPET);
    if (snippet === "") return null;
    for (let i = from; i < sourceLines.length; i += 1) {
      if (sourceLines[i]!.includes(snippet)) {
        from = i;
        return i + 1;
      }
    }
    return null;
  });
}

function excerpt(line: string | undefined): string {
  const text = squash(line ?? "");
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
}

/**
 * The import with each problem's and entry's line in the file's terms where they can be, and a `where` saying
 * what a line number means when it is a line of converted text.
 */
export function locateLines(prepared: PreparedImport, format: ArticleFormat, convertedText: string, original: string | null): LocatedImport {
  if (format === "text" || format === "markdown") return prepared;
  const converted = convertedText.split("\n");
  const mapped = format === "html" && original !== null ? mapHtmlLines(convertedText, original) : [];
  const what = format === "html" ? "the text read from the HTML" : "the text read from the Word document";
  const sourceLine = (line: number) => mapped[line - 1] ?? null;
  return {
    ...prepared,
    questions: prepared.questions.map((q) => ({ ...q, line: sourceLine(q.line) ?? q.line })),
    problems: prepared.problems.map((p) => {
      const found = sourceLine(p.line);
      if (found !== null) return { ...p, line: found, where: `line ${found} of the HTML`, place: { key: "htmlLine", values: { line: String(found) } } };
      const words = excerpt(converted[p.line - 1]);
      const place = { key: "convertedLine", values: { line: String(p.line), format, words, quoted: words ? "yes" : "no" } } as const;
      return { ...p, where: `line ${p.line} of ${what}${words ? ` (“${words}”)` : ""}`, place };
    }),
  };
}
