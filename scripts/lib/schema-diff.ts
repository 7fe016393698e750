// Compares prisma/schema.prisma with what the migrations build, through Prisma's WebAssembly schema
// engine (the native one can't be downloaded here). Used to write new migrations and by the drift test.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { MIGRATIONS_DIR, readMigrations } from "./migrations";

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let engineModule: Promise<EngineModule> | undefined;

/** The package expects a bundler to link its .wasm; Node needs it instantiated by hand. */
function loadEngine(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports panics through this global; keep the message so errors say what happened.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        console.error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

const CHAR_COLUMNS = Symbol("pg char columns");
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

let charPatchInstalled = false;
/**
 * The engine's catalog queries return Postgres' internal "char" type, which the pg adapter cannot map.
 * Report those columns as text to the adapter and remember where they were, so that the adapter's
 * answer can name them Character, the type the engine reads them as. Patched in this tool's process only.
 */
function reportCharColumnsAsText() {
  if (charPatchInstalled) return;
  charPatchInstalled = true;
  const original = pg.Pool.prototype.query as (...args: unknown[]) => Promise<pg.QueryResult>;
  pg.Pool.prototype.query = async function patchedQuery(this: pg.Pool, ...args: unknown[]) {
    const result = await original.apply(this, args);
    const charColumns: number[] = [];
    (result?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length > 0 && Array.isArray(result.rows)) {
      Object.defineProperty(result.rows, CHAR_COLUMNS, { value: charColumns });
    }
    return result;
  } as typeof pg.Pool.prototype.query;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The pg adapter runs a script by splitting it on every ";", which breaks function bodies in
 * migrations. Postgres' simple query protocol takes a whole multi-statement script at once.
 */
function adaptForSchemaEngine(adapter: PgAdapter): PgAdapter {
  const driver = adapter.underlyingDriver() as pg.Pool;
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const charColumns = (result.rows as unknown as { [CHAR_COLUMNS]?: number[] })[CHAR_COLUMNS] ?? [];
    for (const index of charColumns) result.columnTypes[index] = CHARACTER_COLUMN_TYPE as (typeof result.columnTypes)[number];
    return result;
  };
  adapter.executeScript = async (script: string) => {
    await driver.query(script);
  };
  return adapter;
}

function schemaEngineAdapterFactory(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const config = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || "postgres",
  };
  const factory = new PrismaPg(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => adaptForSchemaEngine(await connect());
  // The adapter's own shadow database is dropped while its pool is still connected, which fails;
  // this one closes the pool first.
  factory.connectToShadowDb = async () => {
    const admin = new pg.Pool({ ...config, max: 1 });
    const name = `panelkit_shadow_${randomUUID().replace(/-/g, "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const adapter = adaptForSchemaEngine(await new PrismaPg({ ...config, database: name }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    return adapter;
  };
  return factory;
}

/** The engine arms timers that would keep Node alive for seconds after it finishes. */
async function withUnrefTimers<T>(work: () => Promise<T>): Promise<T> {
  const originalSetTimeout = globalThis.setTimeout;
  const originalSetInterval = globalThis.setInterval;
  const unref = <R>(handle: R): R => {
    (handle as { unref?: () => void }).unref?.();
    return handle;
  };
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => unref(originalSetTimeout(...args))) as typeof setTimeout;
  globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => unref(originalSetInterval(...args))) as typeof setInterval;
  try {
    return await work();
  } finally {
    globalThis.setTimeout = originalSetTimeout;
    globalThis.setInterval = originalSetInterval;
  }
}

/**
 * SQL that would bring a database built by the migrations up to schema.prisma; "" when they agree.
 * `databaseUrl` names a server where the engine may create (and drop) a temporary shadow database.
 */
export async function diffMigrationsToSchema(databaseUrl: string, schemaPath = SCHEMA_PATH): Promise<string> {
  reportCharColumnsAsText();
  return withUnrefTimers(async () => {
    const adapter = bindMigrationAwareSqlAdapterFactory(schemaEngineAdapterFactory(databaseUrl));
    const schema = readFileSync(schemaPath, "utf8");
    const files = [{ path: schemaPath, content: schema }];
    const logs: string[] = [];
    const { SchemaEngine: Engine } = await loadEngine();
    const engine = await Engine.new({ datamodels: [[schemaPath, schema]] }, (line: string) => logs.push(line), adapter);
    try {
      const migrations = readMigrations();
      const result = await engine.diff({
        from: {
          tag: "migrations",
          baseDir: MIGRATIONS_DIR,
          lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
          migrationDirectories: migrations.map((m) => ({
            path: m.name,
            migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
          })),
          shadowDbInitScript: "",
        },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      } as Parameters<SchemaEngine["diff"]>[0]);
      return normalizeDiff(result.stdout ?? "");
    } finally {
      engine.free();
    }
  });
}

function normalizeDiff(script: string): string {
  const meaningful = script
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("-- This is an empty migration."))
    .join("\n");
  return meaningful.trim() === "" ? "" : script.trim() + "\n";
}

/**
 * diffMigrationsToSchema in a child process (scripts/schema-diff-cli.ts), for callers whose process lives on:
 * the engine's patches to globals stay in the child and end with it.
 */
export function diffMigrationsToSchemaInChildProcess(databaseUrl: string, schemaPath = SCHEMA_PATH): Promise<string> {
  const cli = path.resolve(import.meta.dirname, "../schema-diff-cli.ts");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", cli, databaseUrl, schemaPath], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`The schema diff failed (exit ${code}): ${stderr.trim()}`));
      try {
        resolve((JSON.parse(stdout) as { sql: string }).sql);
      } catch {
        reject(new Error(`The schema diff printed something unexpected: ${stdout.slice(0, 500)}`));
      }
    });
  });
}
