// Text PostgreSQL cannot store: it refuses NUL characters outright (a 500 if one reaches a query), and a lone
// UTF-16 surrogate would be silently replaced on the way in. Every procedure's raw input is checked before
// any handler runs, so such input is a BAD_REQUEST naming the field instead.
import { AppError } from "@/server/errors";

const MAX_DEPTH = 20;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in `value` (keys included) that cannot be stored as text, with its dotted path. */
export function findUnstorableText(value: unknown, path: (string | number)[] = [], depth = 0): { field: string; message: string } | null {
  if (typeof value === "string") return problemWith(value, path);
  if (value === null || typeof value !== "object" || value instanceof Date || depth > MAX_DEPTH) return null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, inner] of entries) {
    const found =
      (typeof key === "string" ? problemWith(key, [...path, key]) : null) ?? findUnstorableText(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

function problemWith(text: string, path: (string | number)[]) {
  const field = path.length ? path.join(".") : "input";
  if (text.includes("\u0000")) return { field, message: `${field}: contains a NUL character (\\0), which cannot be stored` };
  if (LONE_SURROGATE.test(text)) return { field, message: `${field}: contains a broken Unicode character (a lone surrogate)` };
  return null;
}

/** Throws a BAD_REQUEST naming the field when the input holds text that cannot be stored. */
export function rejectUnstorableText(input: unknown): void {
  const found = findUnstorableText(input);
  if (found) throw new AppError("BAD_REQUEST", found.message, found.field);
}
