// Property-based fuzzing of every procedure's input through the real router and Postgres: arbitrary JSON,
// the right keys with wrong types, and valid inputs with one field swapped for something hostile (100k
// characters, NUL, lone surrogates, RTL overrides, emoji, numbers outside int4, invalid dates). Never a 500;
// every BAD_REQUEST names the field at fault (unless the whole input has the wrong shape).
// Reproduce a run with FUZZ_SEED=<seed printed below>; FUZZ_RUNS scales the number of cases.
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { POLICY, buildWorld, procedureAt, type Persona, type World } from "./authz-policy";

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const fuzzed = Object.keys(procedures)
  .filter((p) => procedures[p]!._def.inputs.length > 0)
  .sort();

// CI replays one fixed seed so a red run always means a change broke something; on a developer's machine
// each run explores new cases.
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 20_261_123 : Date.now() % 2_147_483_647));
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = { arbitrary: Math.ceil(12 * SCALE), wrongTypes: Math.ceil(12 * SCALE), mutated: Math.ceil(24 * SCALE) };

// ---- hostile values ----

const nastyString = fc.oneof(
  fc.constant("x".repeat(100_000)),
  fc.constant("\u0000"),
  fc.constant("Ada\u0000Lovelace"),
  fc.constant("\uD800"),
  fc.constant("tail\uDFFF"),
  fc.constant("\u202Eevil\u202C.exe"),
  fc.constant("مرحبا بالعالم"),
  fc.constant("👩🏽‍⚕️🧑‍🤝‍🧑🏳️‍🌈"),
  fc.constant("Zalgo e\u0301\u0302\u0303\u0304\u0305"),
  fc.constant("\uFEFF\u200B\u00A0"),
  fc.constant("   "),
  fc.constant(""),
  fc.constant("' OR 1=1; --"),
  fc.constant("%_\\"),
  fc.constant("a".repeat(65)),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
);
const nastyNumber = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.NaN, Infinity, -Infinity, -0, 0.5, -1),
  fc.integer(),
  fc.double(),
);
const nastyDate = fc.oneof(
  fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), new Date(-8.64e15), new Date("0001-01-01T00:00:00Z")),
  fc.date({ noInvalidDate: false }),
);
const nastyScalar = fc.oneof(nastyString, nastyNumber, nastyDate, fc.boolean(), fc.constant(null), fc.constant(undefined));
const nastyValue = fc.oneof(
  { weight: 5, arbitrary: nastyScalar },
  { weight: 1, arbitrary: fc.array(nastyScalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nastyScalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

// ---- input shapes ----

type ZodLike = { def?: { type?: string; shape?: Record<string, ZodLike>; innerType?: ZodLike; in?: ZodLike; options?: ZodLike[] } };

/** The top-level keys of an object schema, looking through optional/default/nullable/pipe and unions. */
function keysOf(schema: ZodLike | undefined): string[] {
  const def = schema?.def;
  if (!def) return [];
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.innerType) return keysOf(def.innerType);
  if (def.in) return keysOf(def.in);
  if (def.options) return [...new Set(def.options.flatMap(keysOf))];
  return [];
}

/** Every path into a value (objects and arrays), so one field at any depth can be swapped. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object" || value instanceof Date) return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const inner = entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]));
  return prefix.length ? [prefix, ...inner] : inner;
}

function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withValueAt(copy[head!], rest, replacement);
  return copy;
}

/** Every object key in a value, at any depth. */
function keysIn(value: unknown, depth = 0): string[] {
  if (value === null || typeof value !== "object" || value instanceof Date || depth > 5) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [...(Array.isArray(value) ? [] : [k]), ...keysIn(v, depth + 1)]);
}

/** A short description of an input for a failure message (no 100k-character dumps). */
function describeInput(input: unknown): string {
  const text = JSON.stringify(input, (_k, v: unknown) => {
    if (typeof v === "string" && v.length > 40) return `${v.slice(0, 20)}…(${v.length} chars)`;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (v === undefined) return "undefined";
    return v;
  });
  return (text ?? String(input)).slice(0, 300);
}

// ---- calling ----

type Case = { path: string; input: unknown; kind: string };
type Verdict = { code: string; message: string; field: string | null };

async function callOnce(world: World, persona: Persona, c: Case): Promise<Verdict> {
  const caller = world.callers[persona];
  const procedure = procedures[c.path]!;
  const fn = procedureAt(caller, c.path);
  try {
    const result = await fn(c.input);
    if (procedure._def.type === "subscription") {
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      await Promise.race([iterator.next(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      await iterator.return?.();
    }
    return { code: "OK", message: "", field: null };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { code: "THROWN", message: String(error), field: null };
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type: procedure._def.type,
      path: c.path,
      input: c.input,
      ctx: undefined,
    }) as { message: string; data: { field: string | null } };
    return { code: error.code, message: shape.message, field: shape.data.field };
  }
}

/** The fuzz persona: scorecard procedures are meant for a panelist; everything else runs as an admin. */
const personaFor = (path: string): Persona => (path.startsWith("scorecards.") ? "panelist" : "admin");

describe("input fuzzing of every procedure", () => {
  let world: World;
  let cases = 0;
  let serverErrors = 0;

  beforeAll(async () => {
    world = await buildWorld();
    console.log(`fuzz: seed ${SEED} (rerun with FUZZ_SEED=${SEED})`);
  }, 120_000);

  afterAll(() => {
    console.log(`fuzz: ${cases} cases run over ${fuzzed.length} procedures, ${serverErrors} server errors (5xx)`);
  });

  it("has procedures with inputs to fuzz", () => {
    expect(fuzzed.length).toBeGreaterThan(30);
  });

  for (const [index, path] of fuzzed.entries()) {
    it(`${path}: never a 500, and a BAD_REQUEST names the field`, async () => {
      const procedure = procedures[path]!;
      const persona = personaFor(path);
      const schema = procedure._def.inputs[0] as ZodLike;
      const keys = keysOf(schema);
      const valid = (await POLICY[path]?.input?.(world, persona)) ?? {};
      const validPaths = pathsOf(valid);
      const seed = SEED + index;

      const arbitrary = fc.sample(nastyValue, { seed, numRuns: RUNS.arbitrary });
      const wrongTypes = keys.length
        ? fc.sample(fc.record(Object.fromEntries(keys.map((k) => [k, nastyValue]))), { seed: seed + 1, numRuns: RUNS.wrongTypes })
        : [];
      const mutated = validPaths.length
        ? fc
            .sample(fc.tuple(fc.constantFrom(...validPaths), nastyValue), { seed: seed + 2, numRuns: RUNS.mutated })
            .map(([at, value]) => withValueAt(valid, at, value))
        : [];
      const all: Case[] = [
        ...arbitrary.map((input) => ({ path, input, kind: "arbitrary" })),
        ...wrongTypes.map((input) => ({ path, input, kind: "wrong types" })),
        ...mutated.map((input) => ({ path, input, kind: "mutated" })),
      ];

      const problems: string[] = [];
      for (const c of all) {
        const verdict = await callOnce(world, persona, c);
        cases += 1;
        if (verdict.code === "INTERNAL_SERVER_ERROR" || verdict.code === "THROWN") {
          serverErrors += 1;
          problems.push(`${c.kind} ${describeInput(c.input)} -> ${verdict.code} ${verdict.message}`);
        } else if (verdict.code === "BAD_REQUEST") {
          const wholeInputWrong = c.input === null || typeof c.input !== "object" || Array.isArray(c.input);
          // A business rule may refuse a combination of fields; its message must then name at least one.
          const namesAKey = keysIn(c.input).some((k) => verdict.message.toLowerCase().includes(k.toLowerCase()));
          if (!verdict.field && !wholeInputWrong && !namesAKey) {
            problems.push(`${c.kind} ${describeInput(c.input)} -> BAD_REQUEST without a field: ${verdict.message}`);
          }
          if (!verdict.message.trim()) problems.push(`${c.kind} ${describeInput(c.input)} -> BAD_REQUEST without a message`);
        }
      }
      expect(problems.slice(0, 10), `${problems.length} problems (seed ${seed})`).toEqual([]);
    }, 120_000);
  }
});

describe("hostile text, case by case", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  }, 120_000);

  const failureOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
    return error;
  };

  it("refuses a NUL byte or a lone surrogate with a BAD_REQUEST naming the field, where Postgres would fail", async () => {
    const admin = world.callers.admin;
    const nul = await failureOf(admin.candidates.create({ name: "Ada\u0000Lovelace", vacancyId: world.vacancyId }));
    expect(nul.code).toBe("BAD_REQUEST");
    expect(nul.message).toBe("name: contains a NUL character (\\0), which cannot be stored");
    const lookup = await failureOf(admin.candidates.get({ id: "abc\u0000" }));
    expect(lookup.message).toContain("id:");
    const surrogate = await failureOf(admin.candidates.create({ name: "Ada", vacancyId: `${world.vacancyId}\uD83D` }));
    expect(surrogate.code).toBe("BAD_REQUEST");
    expect(surrogate.message).toContain("vacancyId: contains a broken Unicode character");
  });

  it("refuses numbers outside their range and 100k-character strings by field", async () => {
    const admin = world.callers.admin;
    const offset = await failureOf(admin.banks.searchQuestions({ offset: 2 ** 31 }));
    expect(offset.message).toMatch(/^offset: /);
    const long = await failureOf(admin.candidates.create({ name: "x".repeat(100_000), vacancyId: world.vacancyId }));
    expect(long.message).toBe("name: Name must be at most 120 characters");
  });

  it("keeps emoji, combining marks and right-to-left text exactly", async () => {
    const name = "Zoë e\u0301\u0323 مريم 👩🏽‍⚕️ \u202Bשלום\u202C";
    const { id } = await world.callers.manager.candidates.create({ name, vacancyId: world.vacancyId });
    expect((await world.callers.hr.candidates.get({ id })).name).toBe(name);
  });
});
