// Whether a value is plain JSON: what superjson would send as `{ json: value }` with no annotations. Shared
// by the server's tRPC transformer (src/server/api/transformer.ts) and the browser's light decoder
// (src/trpc/wire.ts), which therefore needs superjson only for values that carry annotations.

/** Keys superjson refuses to walk (its prototype-pollution guard): values holding them are left to superjson. */
export const SUPERJSON_UNWALKED_KEYS: ReadonlySet<string> = new Set(["__proto__", "prototype", "constructor"]);

/** Deeper than any API result; also stops a cyclic structure (superjson then handles or rejects it). */
const MAX_DEPTH = 64;

export function isPlainJson(value: unknown, depth = 0): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        // Indexing (not for…of) sees holes as undefined, which superjson must annotate.
        for (let i = 0; i < value.length; i++) if (!isPlainJson(value[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key of Object.keys(value)) {
        if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
