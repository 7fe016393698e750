// Spreadsheets run a cell as a formula (or a DDE command) when its text starts with = + - @ or |, and some
// also when those come after leading whitespace, in their full-width or small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫ ｜), or
// at the start of a later line once a multi-line cell is split by a careless import. Every such line gets a
// leading apostrophe, which spreadsheets read as "this is text" and hide; other text is left exactly as it is.

/** Characters that start a formula or command, ASCII and their full-width and small variants. */
const TRIGGER = "=+\\-@|\uFF1D\uFF0B\uFF0D\uFF20\uFF5C\uFE66\uFE62\uFE63\uFE6B";
/** A line whose first visible character is a trigger (any Unicode space may come before it). */
const DANGEROUS_LINE = new RegExp(`(^|\\r\\n|\\r|\\n)(?=[\\s\\u00A0\\u2000-\\u200B\\u3000\\uFEFF]*[${TRIGGER}])`, "g");
/** Control characters some spreadsheets strip before reading the rest as a formula. */
const LEADING_CONTROL = /^[\t\r\n]/;

/** The cell's text, safe to open in a spreadsheet. */
export function guardCell(value: string): string {
  const guarded = value.replace(DANGEROUS_LINE, "$1'");
  return LEADING_CONTROL.test(guarded) ? `'${guarded}` : guarded;
}
