// HTML (a saved web page, or rich text pasted from a browser or Word) to the plain text the article parser
// reads: turndown turns the markup into Markdown with one block per paragraph, and the Markdown converter
// makes that plain text. Scripts, styles, comments and embedded objects are dropped with their content;
// nothing of the markup is kept, and nothing in it is ever run (turndown parses with domino, no browser).
import TurndownService from "turndown";
import { markdownToText } from "./markdown-to-text";

const DROPPED = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head", "title", "meta", "link", "button", "form"]);

let service: TurndownService | null = null;
function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", strongDelimiter: "**", emDelimiter: "_" });
  service.remove((node) => DROPPED.has(node.nodeName.toLowerCase()));
  // Pictures carry no interview content, and their alt text would read as stray paragraphs.
  service.addRule("drop-images", { filter: "img", replacement: () => "" });
  return service;
}

export function htmlToText(html: string): string {
  // Comments (and Word's conditional comments) go before parsing: their text is never content.
  const withoutComments = html.replace(/^\uFEFF/, "").replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  const markdown = turndown().turndown(withoutComments);
  return markdownToText(markdown)
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whether text is HTML: a document, or markup as a browser or Word puts it on the clipboard. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).trimStart();
  if (/^(?:\uFEFF)?<(?:!doctype html|html|head|body|meta)\b/i.test(head)) return true;
  const tags = text.slice(0, 20_000).match(/<\/?(?:p|div|h[1-6]|br|ul|ol|li|strong|b|em|i|span|table|tr|td|section|article)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}
