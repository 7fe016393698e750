// Markdown (headings, **bold labels**, lists, quotes, links) to the plain text the article parser reads.
// Line for line: line N of the result is line N of the Markdown, so the parser's problem lines are the
// Markdown's own lines and need no mapping back.

/** A character Markdown can escape with a backslash (CommonMark's ASCII punctuation). */
const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
/** Private-use characters stand in for escaped punctuation while the markers around it are removed. */
const PLACEHOLDER_BASE = 0xe000;

export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map(convertLine)
    .join("\n");
}

function convertLine(raw: string): string {
  const escaped: string[] = [];
  // Escapes first, so "1\. Text" and "\*not emphasis\*" survive the marker removal as literal text.
  let line = raw.replace(ESCAPABLE, (_, char: string) => {
    escaped.push(char);
    return String.fromCharCode(PLACEHOLDER_BASE + escaped.length - 1);
  });
  if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line) || /^\s{0,3}=+\s*$/.test(line)) return ""; // rules, setext underlines
  line = line
    .replace(/^\s{0,3}(?:>\s?)+/, "") // block quotes
    .replace(/^\s{0,3}#{1,6}\s+/, "") // ATX headings
    .replace(/\s+#+\s*$/, "") // closing hashes of a heading
    .replace(/^\s*[-*+]\s+(?:\[[ xX]\]\s+)?/, "") // bullets and task boxes (numbered items keep their number)
    .replace(/^\s*(\d{1,3})([.)])\s{2,}/, "$1$2 "); // "1.  Text" as some converters write list items
  line = line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images keep their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1") // links keep their text, never the address
    .replace(/<\/?[a-z][^>]*>/gi, "") // stray inline HTML tags
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2") // bold
    .replace(/(^|[^\p{L}\p{N}*])([*_])(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}])/gu, "$1$3") // emphasis
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/ {2,}$/, ""); // hard line break markers
  return line.replace(/[\ue000-\uf8ff]/g, (c) => escaped[c.charCodeAt(0) - PLACEHOLDER_BASE] ?? c);
}

/** Whether text reads as Markdown rather than plain text: headings, bold labels or bullet lists. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/, 2000);
  const marked = lines.filter(
    (l) => /^#{1,6}\s+\S/.test(l) || /^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)/.test(l) || /^\s*[-*+]\s+\S/.test(l) || /^\s*>\s/.test(l),
  ).length;
  return marked >= 2;
}
