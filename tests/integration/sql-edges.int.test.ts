// Values that pass zod but that PostgreSQL cannot take: dates before 4713 BC, cursors beyond bigint, ids of
// the wrong shape, the largest numbers each schema allows. Every leaf of every procedure's input (optional
// fields included) is set to each value of its kind on an otherwise valid input. Never a 500: a value the
// database can't hold is the caller's mistake, answered 400 with a message a person can act on.
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { POLICY, buildWorld, procedureAt, type Persona, type World } from "./authz-policy";

type ZodNode = {
  def?: {
    type?: string;
    shape?: Record<string, ZodNode>;
    innerType?: ZodNode;
    in?: ZodNode;
    options?: ZodNode[];
    element?: ZodNode;
    checks?: Array<{ _zod?: { def?: { check?: string; value?: number; inclusive?: boolean } } }>;
  };
};
type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; inputs: ZodNode[] } };
type Leaf = { path: (string | number)[]; kind: "date" | "string" | "number" };

const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** Every date, string and number leaf of a schema, looking through wrappers, unions and arrays (first element). */
function leavesOf(schema: ZodNode | undefined, path: (string | number)[] = [], depth = 0): Leaf[] {
  const def = schema?.def;
  if (!def || depth > 8) return [];
  if (def.type === "object" && def.shape) return Object.entries(def.shape).flatMap(([k, v]) => leavesOf(v, [...path, k], depth + 1));
  if (def.type === "array" && def.element) return leavesOf(def.element, [...path, 0], depth + 1);
  if (def.innerType) return leavesOf(def.innerType, path, depth + 1);
  if (def.in) return leavesOf(def.in, path, depth + 1);
  if (def.options) {
    const seen = new Set<string>();
    return def.options.flatMap((o) => leavesOf(o, path, depth + 1)).filter((l) => !seen.has(l.path.join(".")) && seen.add(l.path.join(".")));
  }
  if (def.type === "date" || def.type === "string" || def.type === "number") return [{ path, kind: def.type }];
  return [];
}

/** The bounds a number schema declares, which zod lets through and SQL then has to take. */
function numberBounds(schema: ZodNode | undefined, path: (string | number)[]): number[] {
  let node = schema;
  for (const key of path) {
    while (node?.def && !node.def.shape && !node.def.element && (node.def.innerType ?? node.def.in)) node = node.def.innerType ?? node.def.in;
    node = typeof key === "number" ? node?.def?.element : node?.def?.shape?.[key];
  }
  while (node?.def && (node.def.innerType ?? node.def.in)) node = node.def.innerType ?? node.def.in;
  const values = (node?.def?.checks ?? []).map((c) => c._zod?.def?.value).filter((v): v is number => typeof v === "number");
  return [...values, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1];
}

const EDGE_DATES = [new Date(-8.64e15), new Date("-004714-11-23T00:00:00Z"), new Date(8.64e15), new Date("0000-01-01T00:00:00Z")];
const EDGE_STRINGS = [
  "99999999999999999999",
  "9999999999999999999",
  "-9223372036854775809",
  "1e999",
  "00000000-0000-0000-0000-000000000000",
  "not-an-id",
  "%",
  "\\",
  "'; SELECT 1; --",
];

function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const base = value ?? (typeof head === "number" ? [] : {});
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  copy[head!] = withValueAt(copy[head!], rest, replacement);
  return copy;
}

const personaFor = (path: string): Persona => (path.startsWith("scorecards.") ? "panelist" : "admin");

async function verdictOf(world: World, path: string, input: unknown): Promise<{ code: string; message: string }> {
  const procedure = procedures[path]!;
  try {
    const result = await procedureAt(world.callers[personaFor(path)], path)(input);
    if (procedure._def.type === "subscription") {
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      await Promise.race([iterator.next(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await iterator.return?.();
    }
    return { code: "OK", message: "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { code: "THROWN", message: String(error) };
    const shape = getErrorShape({ config: appRouter._def._config, error, type: procedure._def.type, path, input, ctx: undefined });
    return { code: error.code, message: (shape as { message: string }).message };
  }
}

describe("values zod accepts and SQL cannot take", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  }, 120_000);

  const probed = Object.keys(procedures)
    .filter((p) => procedures[p]!._def.inputs.length > 0)
    .sort();

  for (const path of probed) {
    it(`${path}: every leaf at its edges is answered, never a 500`, async () => {
      const schema = procedures[path]!._def.inputs[0];
      const problems: string[] = [];
      // A valid input is built again after any call that succeeded: such a call may have used up the records
      // the input names (a refused call changed nothing, so its input serves the next value).
      let valid: unknown = undefined;
      for (const leaf of leavesOf(schema)) {
        const values: unknown[] = leaf.kind === "date" ? EDGE_DATES : leaf.kind === "string" ? EDGE_STRINGS : numberBounds(schema, leaf.path);
        for (const value of values) {
          valid ??= (await POLICY[path]?.input?.(world, personaFor(path))) ?? {};
          const verdict = await verdictOf(world, path, withValueAt(valid, leaf.path, value));
          if (verdict.code === "OK") valid = undefined;
          const shown = value instanceof Date ? (Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()) : JSON.stringify(value);
          if (verdict.code === "INTERNAL_SERVER_ERROR" || verdict.code === "THROWN") {
            problems.push(`${leaf.path.join(".")} = ${shown} -> ${verdict.code} ${verdict.message}`);
          } else if (verdict.code === "BAD_REQUEST" && !verdict.message.trim()) {
            problems.push(`${leaf.path.join(".")} = ${shown} -> BAD_REQUEST without a message`);
          }
        }
      }
      expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);
    }, 120_000);
  }

  it("answers an audit cursor beyond bigint with a 400 naming the cursor", async () => {
    const verdict = await verdictOf(world, "audit.list", { cursor: "99999999999999999999" });
    expect(verdict.code).toBe("BAD_REQUEST");
    expect(verdict.message).toMatch(/page link is not valid/);
  });

  it("answers an audit date before 4713 BC with a 400 saying which date", async () => {
    const verdict = await verdictOf(world, "audit.list", { filters: { from: new Date(-8.64e15) } });
    expect(verdict.code).toBe("BAD_REQUEST");
    expect(verdict.message).toMatch(/from/);
  });
});
