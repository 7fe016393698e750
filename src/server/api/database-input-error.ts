// A statement PostgreSQL refused because of a value in it (SQLSTATE class 22, "data exception": a number out
// of range, text that is not a valid number, a date it cannot represent) was sent a value the caller chose:
// that is a bad request, not a failure of ours. This is the safety net behind the input schemas and the input
// guard, so that no value zod lets through can turn into a 500.
import { appError, type AppError } from "@/server/errors";

const INT4_MAX = 2 ** 31 - 1;
const MAX_DEPTH = 20;

/** The SQLSTATE of a database error, however it is wrapped (Prisma's driver adapter, node-postgres). */
export function sqlStateOf(error: unknown, depth = 0): string | null {
  if (error === null || typeof error !== "object" || depth > 6) return null;
  const e = error as { originalCode?: unknown; code?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.originalCode === "string") return e.originalCode;
  // node-postgres puts the SQLSTATE in `code`; Prisma uses `code` for its own P-numbers.
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && !e.code.startsWith("P")) return e.code;
  return sqlStateOf(e.meta?.driverAdapterError, depth + 1) ?? sqlStateOf(e.cause, depth + 1);
}

export const isDataException = (error: unknown) => sqlStateOf(error)?.startsWith("22") ?? false;

/** The first number too large for a 4-byte integer column, or digit string too long for a bigint, by path. */
export function findOversizedValue(value: unknown, path: (string | number)[] = [], depth = 0): string | null {
  const field = () => (path.length ? path.join(".") : "input");
  if (typeof value === "number") return Math.abs(value) > INT4_MAX ? field() : null;
  if (typeof value === "string") return /^-?\d{19,}$/.test(value) ? field() : null;
  if (value === null || typeof value !== "object" || value instanceof Date || depth > MAX_DEPTH) return null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, inner] of entries) {
    const found = findOversizedValue(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The BAD_REQUEST to answer for a data exception, naming the likely field when one stands out. */
export function badRequestForDataException(input: unknown): AppError {
  const field = findOversizedValue(input);
  return field
    ? appError("BAD_REQUEST", "request.tooLarge", { field }, field)
    : appError("BAD_REQUEST", "request.outOfRange");
}
