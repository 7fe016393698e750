// Text PostgreSQL cannot store: it refuses NUL characters outright (a 500 if one reaches a query), and a lone
// UTF-16 surrogate would be silently replaced on the way in. Every procedure's raw input is checked before
// any handler runs, so such input is a BAD_REQUEST naming the field instead. Dates get the same treatment: JS
// dates reach 271821 BC, PostgreSQL's timestamps start in 4713 BC and the driver cannot write year 0 or below,
// so a date outside the years 1 to 9999 (none of which a hiring panel needs) is refused here, by field.
import { appError, englishErrors, type ErrorKey } from "@/server/errors";

const MAX_DEPTH = 20;
const FIRST_STORABLE_MS = new Date("0001-01-01T00:00:00Z").getTime();
const LAST_STORABLE_MS = new Date("9999-12-31T23:59:59.999Z").getTime();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong, as a key of errors.json, and in English (`message`, for the REST API and the exports). */
type Unstorable = { field: string; key: ErrorKey; message: string };

/** The first string in `value` (keys included) that cannot be stored as text, with its dotted path. */

export function findUnstorableText(value: unknown, path: (string | number)[] = [], depth = 0): Unstorable | null {
  if (typeof value === "string") return problemWith(value, path);
  if (value instanceof Date) return dateProblem(value, path);
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
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
  if (text.includes("\u0000")) return unstorable(field, "request.nulCharacter");
  if (LONE_SURROGATE.test(text)) return unstorable(field, "request.loneSurrogate");
  return null;
}

function dateProblem(date: Date, path: (string | number)[]) {
  const time = date.getTime();
  // Invalid dates are zod's to refuse, with its own message.
  if (Number.isNaN(time) || (time >= FIRST_STORABLE_MS && time <= LAST_STORABLE_MS)) return null;
  const field = path.length ? path.join(".") : "input";
  return unstorable(field, "request.dateOutOfRange");
}

function unstorable(field: string, key: ErrorKey): Unstorable {
  return { field, key, message: englishErrors(key, { field }) };
}

/** Throws a BAD_REQUEST naming the field when the input holds text that cannot be stored. */
export function rejectUnstorableText(input: unknown): void {
  const found = findUnstorableText(input);
  if (found) throw appError("BAD_REQUEST", found.key, { field: found.field }, found.field);
}
