// superjson's wire format, read and written in the browser without superjson's code for the common cases.
// The server sends a plain-JSON value as `{ json: value }` (exactly what superjson produces for it, see
// src/server/api/transformer.ts), and live panel progress adds only Dates (`meta.values` marks each one by
// its path, e.g. `{ "0.updatedAt": ["Date"] }`). Those two are read here; anything else superjson can
// annotate (undefined, Map, BigInt, repeated references…) is handed to superjson itself, loaded then with
// the tRPC client (./client.ts), whose chunk already holds it: importing superjson on its own here would
// make bundlers copy it into every page's chunks. Used by the live subscriptions (./sse-subscription.ts),
// which the scoring page opens on its first load; wire.test.ts checks it against superjson.
import type { SuperJSONResult } from "superjson";
import { isPlainJson, SUPERJSON_UNWALKED_KEYS } from "@/lib/plain-json";

let superjsonModule: Promise<typeof import("superjson").default> | null = null;

function loadSuperjson() {
  superjsonModule ??= import("./client").then(
    (m) => m.superjson,
    (error: unknown) => {
      superjsonModule = null; // try again next time (say, the connection came back)
      throw error;
    },
  );
  return superjsonModule;
}

/** What tRPC's client would send for `value` with superjson as its transformer. */
export async function encodeForWire(value: unknown): Promise<SuperJSONResult> {
  if (isPlainJson(value)) return { json: value as SuperJSONResult["json"] };
  return (await loadSuperjson()).serialize(value);
}

/** Paths of the Dates when they are the only annotations (and no path needs superjson's escaping), else null. */
function datePaths(meta: NonNullable<SuperJSONResult["meta"]>): string[][] | null {
  if (Object.keys(meta).some((key) => key !== "values" && key !== "v")) return null;
  const values = meta.values as unknown;
  if (!values || typeof values !== "object" || Array.isArray(values)) return null;
  const paths: string[][] = [];
  for (const [path, annotation] of Object.entries(values)) {
    if (!Array.isArray(annotation) || annotation.length !== 1 || annotation[0] !== "Date" || path.includes("\\")) return null;
    paths.push(path.split("."));
  }
  return paths;
}

/** Replaces the ISO string at each path with its Date; false if the shape isn't what the paths say. */
function reviveDates(json: unknown, paths: string[][]): boolean {
  for (const path of paths) {
    let parent: unknown = json;
    for (const key of path.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined;
    const last = path[path.length - 1]!;
    if (!parent || typeof parent !== "object" || !Object.hasOwn(parent, last)) return false;
    const text = (parent as Record<string, unknown>)[last];
    if (typeof text !== "string") return false;
    (parent as Record<string, unknown>)[last] = new Date(text);
  }
  return true;
}

/** The value superjson would give back for `envelope` (the parsed JSON the server sent). */
export async function decodeFromWire<T>(envelope: unknown): Promise<T> {
  if (envelope && typeof envelope === "object" && "json" in envelope) {
    const { json, meta } = envelope as SuperJSONResult;
    if (!meta) return json as T;
    // Dates at the top level (path "") and the like are left to superjson.
    const paths = json && typeof json === "object" ? datePaths(meta) : null;
    if (paths && paths.every((p) => p.every((key) => key !== "" && !SUPERJSON_UNWALKED_KEYS.has(key)))) {
      const copy = structuredClone(json);
      if (reviveDates(copy, paths)) return copy as T;
    }
  }
  return (await loadSuperjson()).deserialize<T>(envelope as SuperJSONResult);
}
