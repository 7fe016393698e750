// npm run bench [-- --quick] [-- --json] [-- --only=save_rating,compare,debrief.page,vacancies.pipeline,pages,startup,progress,calibration]
//   [-- --sizes=10000,100000] (the comparison organisations' ratings; the last, largest, also holds the
//   debrief and pipeline vacancy)
// Builds if needed, runs the app on a private embedded PostgreSQL with its own seeded data, measures the
// live-scoring write path, the comparison read path, the debrief page and the vacancy pipeline, page weight
// and start-up next to floors measured in the same run, prints a table and writes bench/results/latest.json.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/server/auth/passwords";
import { rebuildInsightAggregates } from "../../src/server/services/insights/aggregates";
import { appServerCommand } from "../lib/app-server-command";
import { ensureChromium } from "../lib/chromium";
import { buildIsStale, distDir } from "../lib/build-state";
import { findFreePort, startEmbeddedDb, type EmbeddedDb } from "../lib/embedded-db";
import { prepareDatabase } from "../lib/prepare-database";
import { prismaFor } from "../lib/prisma-for-scripts";
import { benchCompare, benchOrgPage, type CompareSize, type OrgPage } from "./compare";
import { apiLines, apiTargetRows, benchApi, seedApiBench, type ApiFigures } from "./api";
import { benchCalibration, calibrationTargetRows, type CalibrationSize } from "./calibration";
import {
  benchDebriefPage,
  benchPipeline,
  HIRING_TARGET_P95_MS,
  seedHiringVacancy,
  type DebriefPageFigures,
  type HiringVacancy,
  type PipelineFigures,
} from "./hiring";
import { BENCH_PASSWORD, signIn, signInAll } from "./http";
import { firstLoadJsKb, launchBrowser, lcpMs } from "./pages";
import { benchLighthouseMobile, lighthouseLines, lighthouseTargetRows, type LighthouseMobile } from "./lighthouse";
import { buildNextFloor, startNextFloor, type NextFloor } from "./next-floor";
import { SaveRatingBench, startFloorServer, type LoadFigures } from "./save-rating";
import { fillTriggerColumns, seedCompareOrg, seedLiveOrg, type CompareOrg } from "./seed";
import { startCpuCount, type CpuSample } from "./cpu";
import { withCompetingLoad } from "./competing-load";
import { startAppInstance } from "./app-instance";
import { benchProgressFanout, benchProgressFanoutFloor, type FanoutFigures } from "./progress-fanout";
import { benchTwoInstances, type TwoInstanceFigures } from "./two-instances";
import { benchStartup } from "./startup";
import { formatTable, powerLawExponent, ratio, round, verdict } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const printJson = args.includes("--json");
const onlyArg = args.find((a) => a.startsWith("--only="));
const only = new Set(
  onlyArg ? onlyArg.slice("--only=".length).split(",") : ["save_rating", "compare", "debrief.page", "vacancies.pipeline", "pages", "startup", "progress", "calibration"],
);
const sizesArg = args.find((a) => a.startsWith("--sizes="));
/** The debrief page and the pipeline are read on the largest comparison organisation. */
const hiring = only.has("debrief.page") || only.has("vacancies.pipeline") || only.has("api");
const log = (line: string) => console.log(`[bench] ${line}`);

const PANELISTS = 100;
const OPEN_RATE = 200;
const RUN_SECONDS = quick ? 10 : 30;
const COMPARE_SIZES = sizesArg
  ? sizesArg.slice("--sizes=".length).split(",").map(Number).sort((a, b) => a - b)
  : quick
    ? [10_000, 100_000]
    : [10_000, 100_000, 1_000_000];
if (COMPARE_SIZES.some((n) => !Number.isInteger(n) || n < 1000)) {
  console.error("--sizes takes ratings per organisation, 1000 or more each: --sizes=10000,100000");
  process.exit(1);
}
// Without the comparison itself, only the largest organisation is seeded (for the debrief and pipeline).
const SEEDED_SIZES = only.has("compare") || only.has("calibration") ? COMPARE_SIZES : hiring ? COMPARE_SIZES.slice(-1) : [];
const COMPARE_RUNS = quick ? 20 : 40;
const LCP_LOADS = 5;
const LIGHTHOUSE_RUNS = 5;

// Before the long runs: a machine without a browser gets one now (or the exact command), not after the load tests.
if (only.has("pages")) {
  try {
    process.env.CHROMIUM_PATH = ensureChromium(log).path;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

let embedded: EmbeddedDb | null = null;
let dataDir: string | null = null;
let app: ChildProcess | null = null;
let floorServer: ChildProcess | null = null;
let nextFloor: NextFloor | null = null;
let pool: pg.Pool | null = null;
let cleaning: Promise<void> | null = null;

function stopGroup(child: ChildProcess | null, group: boolean): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      if (group) process.kill(-child.pid!, "SIGTERM");
      else child.kill("SIGTERM");
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        if (group) process.kill(-child.pid!, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // gone
      }
    }, 10_000).unref();
  });
}

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([stopGroup(app, true), stopGroup(floorServer, false), nextFloor?.stop()]);
    await pool?.end().catch(() => undefined);
    const pgDir = embedded?.dataDir;
    await embedded?.stop().catch(() => undefined);
    // As root the database lives where the postgres user can reach it (resolveDataDir), not in dataDir.
    for (const dir of [dataDir, pgDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the app and the database.`);
    void cleanup().then(() => process.exit(130));
  });
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function waitForHealth(baseUrl: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app && app.exitCode !== null) throw new Error("The app server exited early; see its output above.");
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${baseUrl}/api/health did not answer within ${timeoutMs / 1000} s`);
}

type Results = {
  save_rating?: {
    panelists: number;
    duration_s: number;
    open: { rate: number; p50_ms: number; p95_ms: number; p99_ms: number; errors: number; rps: number; floor_http_p50_ms: number; floor_http_p95_ms: number; floor_http_errors: number; floor_sql_p50_ms: number; floor_sql_p95_ms: number; floor_sql_errors: number; ratio_p95: number | null; ratio_p95_sql: number | null };
    closed: { concurrency: number; rps: number; p50_ms: number; p95_ms: number; p99_ms: number; errors: number; floor_http_rps: number; floor_http_p95_ms: number; floor_sql_rps: number; floor_sql_p95_ms: number; ratio_rps: number | null; ratio_rps_sql: number | null };
    raw: Record<string, LoadFigures>;
    /** The open loop again beside a process spinning on one core (competing-load.ts): the app and the bare-HTTP floor. */
    /** The closed loop split over two app instances on the one database (two-instances.ts). */
    two_instances?: TwoInstanceFigures;
    open_contended?: { app_p50_ms: number; app_p95_ms: number; floor_p50_ms: number; floor_p95_ms: number; ratio_p95: number | null; cpu_ms_per_save: number | null; floor_cpu_ms_per_save: number | null; errors: number };
  };
  /**
   * Live progress: open streams on one instance, and split over two on one database (progress-fanout.ts);
   * fanout.floor: the same streams and changes from a bare node:http server (fanout-floor-server.ts).
   */
  progress?: { fanout: FanoutFigures & { floor?: FanoutFigures }; fanout_two_instances?: FanoutFigures };
  compare?: { sizes: CompareSize[]; growth_exponent: number | null; summary_growth_exponent: number | null; runs_per_size: number; org_page?: OrgPage };
  /** The whole organisation's calibration as HR opens it, beside its three aggregate statements (calibration.ts). */
  calibration?: { sizes: CalibrationSize[]; growth_exponent: number | null; runs_per_size: number };
  "debrief.page"?: DebriefPageFigures;
  "vacancies.pipeline"?: PipelineFigures;
  /** The REST API's sync reads, page by page, beside the same SQL (api.ts). */
  api?: ApiFigures;
  pages?: { first_load_js_kb: { signin: number; builder: number; scoring: number; compare: number }; scoring_lcp_ms: number; scoring_lcp_runs_ms: number[]; measured: string; lighthouse_mobile?: LighthouseMobile };
  startup?: { existing_ms: number; empty_ms: number; existing_runs_ms: number[] };
  quick: boolean;
  notes: string[];
  machine: { cpus: number; node: string; loadavg_at_start: number[]; started_at: string; total_s?: number };
};

/** CPU milliseconds per request of each process kind during the run (see cpu.ts). */
function withCpu(figures: LoadFigures, cpu: CpuSample): LoadFigures {
  const per = (ms: number) => (figures.requests ? round(ms / figures.requests, 2) : null);
  return { ...figures, cpu_ms_per_save: { server: per(cpu.server), postgres: per(cpu.postgres), client: per(cpu.client) } };
}

async function main() {
  const started = performance.now();
  const results: Results = {
    quick,
    notes: [
      quick
        ? `quick run: ${RUN_SECONDS} s load runs, compare sizes ${COMPARE_SIZES.join(", ")} (no 1M), ${COMPARE_RUNS} timed requests each`
        : `full run: ${RUN_SECONDS} s load runs, ${COMPARE_RUNS} timed compare requests per size`,
      `debrief.page and vacancies.pipeline: ${COMPARE_RUNS} timed GETs each through /api/trpc as the vacancy's hiring manager, on the ${COMPARE_SIZES.at(-1)}-rating organisation plus its 2,000-candidate vacancy; target p95 < ${HIRING_TARGET_P95_MS} ms`,
      "save_rating bare-HTTP floor: node:http in a child process, same SQL, same autocannon options",
      "compare bare-HTTP floor: node:http in a child process, the comparison's two statements with pg, their JSON texts in the app's answer (gzip level 1 as the app), fetched as the app is",
      "open loop = autocannon at overallRate, re-paced to one save per connection every connections/rate s, phases staggered (the SQL floor's schedule); a connection still awaiting an answer sends its next save when the answer arrives",
    ],
    machine: { cpus: os.cpus().length, node: process.version, loadavg_at_start: os.loadavg().map((l) => round(l, 2)), started_at: new Date().toISOString() },
  };

  const nextEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  if (only.has("save_rating") || only.has("compare") || hiring || only.has("pages") || only.has("startup") || only.has("progress") || only.has("calibration")) {
    // BENCH_REBUILD=0 reuses an existing build even when sources are newer (as E2E_REBUILD=0 does for browser tests).
    if (buildIsStale() && !(process.env.BENCH_REBUILD === "0" && existsSync(path.join(distDir(), "BUILD_ID")))) {
      log(`Building the app into ${path.relative(ROOT, distDir())} (missing or older than the sources)...`);
      const code = await run(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "scripts", "build.ts")], nextEnv);
      if (code !== 0) throw new Error("The build failed; see above.");
    }
  }
  // Built before anything is measured (a build takes both cores); rebuilt only when its sources changed.
  if (only.has("pages")) await buildNextFloor(nextEnv, log);

  const needsApp = only.has("save_rating") || only.has("compare") || hiring || only.has("pages") || only.has("progress") || only.has("calibration");
  if (needsApp) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "panelkit-bench-pg-"));
    embedded = await startEmbeddedDb({ dataDir: path.join(dataDir, "pg"), log });
    await embedded.createDatabase("panelkit_bench");
    const databaseUrl = embedded.urlFor("panelkit_bench");
    await prepareDatabase(databaseUrl, { demo: "never", log });
    pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    pool.on("error", () => undefined); // idle clients cut off when the database stops at the end

    log("Seeding bench data...");
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const seedClient = await pool.connect();
    let live;
    const compareOrgs: CompareOrg[] = [];
    let hiringVacancy: HiringVacancy | null = null;
    let apiSeed: Awaited<ReturnType<typeof seedApiBench>> | null = null;
    try {
      live = await seedLiveOrg(seedClient, PANELISTS, passwordHash);
      if (SEEDED_SIZES.length) {
        // Bulk rows skip the insight triggers (and FK checks: the rows are consistent by construction);
        // rebuildInsightAggregates below brings the pre-aggregates in line in one pass per organisation.
        await seedClient.query("SET session_replication_role = replica");
        for (const size of SEEDED_SIZES) {
          const t0 = performance.now();
          const key = size >= 1e6 ? `${size / 1e6}m` : `${size / 1e3}k`;
          const org = await seedCompareOrg(seedClient, key, size, passwordHash);
          compareOrgs.push(org);
          log(`  ${org.ratings} ratings in ${org.vacancies.length} vacancies (largest ${org.vacancies[0]!.candidates} candidates) in ${Math.round(performance.now() - t0)} ms`);
        }
        if (hiring) {
          const t0 = performance.now();
          hiringVacancy = await seedHiringVacancy(seedClient, compareOrgs.at(-1)!);
          log(`  + a ${hiringVacancy.candidates}-candidate vacancy with a two-stage plan, debriefs and decisions (${hiringVacancy.ratings} ratings) in ${Math.round(performance.now() - t0)} ms`);
          if (only.has("api")) apiSeed = await seedApiBench(seedClient, compareOrgs.at(-1)!, hiringVacancy);
        }
      }
      await fillTriggerColumns(seedClient);
      await seedClient.query("ANALYZE");
    } finally {
      await seedClient.query("RESET session_replication_role").catch(() => undefined);
      seedClient.release();
    }
    const prisma = prismaFor(databaseUrl);
    try {
      for (const org of compareOrgs) await rebuildInsightAggregates(prisma, org.orgId);
    } finally {
      await prisma.$disconnect();
    }
    if (compareOrgs.length) await pool.query("ANALYZE");

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    log(`Starting the app server (scripts/serve.ts, as npm start runs it) on ${baseUrl}...`);
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the app there when it stops (open it in Chrome DevTools).
    const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
    const [command, args] = appServerCommand(profile);
    // A second instance (progress, save_rating.two_instances) gets the same settings on its own port.
    const appEnv: NodeJS.ProcessEnv = {
      ...nextEnv,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: "panelkit-bench-secret-0123456789abcdef0123456789",
      MONITORING_KEY: "panelkit-bench-monitoring-key-0123456789abc",
      NEXTAUTH_URL: baseUrl,
    };
    app = spawn(command, args, {
      cwd: ROOT,
      env: { ...appEnv, PORT: String(port), HOSTNAME: "127.0.0.1" },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    await waitForHealth(baseUrl, 60_000);

    if (only.has("save_rating")) {
      log(`Signing in ${PANELISTS} panelists...`);
      const cookies = await signInAll(baseUrl, live.panelists.map((p) => p.email));
      const bench = new SaveRatingBench(pool, live, cookies);
      const floorPort = await findFreePort();
      floorServer = await bench.startFloorServer(databaseUrl, floorPort);
      const floorUrl = `http://127.0.0.1:${floorPort}`;
      log("Warming up (3 s each: app, bare HTTP)...");
      await bench.http(baseUrl, { durationS: 3 });
      await bench.http(floorUrl, { durationS: 3 });
      const raw: Record<string, LoadFigures> = {};
      const serverPid = { app: app.pid, http: floorServer.pid, sql: undefined };
      for (const [name, target] of [["app", baseUrl], ["http", floorUrl], ["sql", null]] as const) {
        log(`save_rating open loop ${OPEN_RATE}/s for ${RUN_SECONDS} s: ${name}...`);
        const cpu = startCpuCount(serverPid[name], embedded.dataDir);
        const figures = target ? await bench.http(target, { durationS: RUN_SECONDS, rate: OPEN_RATE }) : await bench.sql({ durationS: RUN_SECONDS, rate: OPEN_RATE });
        raw[`open_${name}`] = withCpu(figures, cpu());
      }
      for (const [name, target] of [["app", baseUrl], ["http", floorUrl], ["sql", null]] as const) {
        log(`save_rating closed loop, ${PANELISTS} concurrent, ${RUN_SECONDS} s: ${name}...`);
        const cpu = startCpuCount(serverPid[name], embedded.dataDir);
        const figures = target ? await bench.http(target, { durationS: RUN_SECONDS }) : await bench.sql({ durationS: RUN_SECONDS });
        raw[`closed_${name}`] = withCpu(figures, cpu());
      }
      for (const [name, target] of [["app", baseUrl], ["http", floorUrl]] as const) {
        log(`save_rating open loop ${OPEN_RATE}/s for ${RUN_SECONDS} s beside a process spinning on one core: ${name}...`);
        raw[`open_contended_${name}`] = await withCompetingLoad(async () => {
          const cpu = startCpuCount(serverPid[name], embedded!.dataDir);
          return withCpu(await bench.http(target, { durationS: RUN_SECONDS, rate: OPEN_RATE }), cpu());
        });
      }
      await stopGroup(floorServer, false);
      floorServer = null;
      const o = { app: raw.open_app!, http: raw.open_http!, sql: raw.open_sql! };
      const c = { app: raw.closed_app!, http: raw.closed_http!, sql: raw.closed_sql! };
      results.save_rating = {
        panelists: PANELISTS,
        duration_s: RUN_SECONDS,
        open: {
          rate: OPEN_RATE,
          rps: o.app.rps,
          p50_ms: o.app.p50_ms,
          p95_ms: o.app.p95_ms,
          p99_ms: o.app.p99_ms,
          errors: o.app.errors,
          floor_http_p50_ms: o.http.p50_ms,
          floor_http_p95_ms: o.http.p95_ms,
          floor_http_errors: o.http.errors,
          floor_sql_p50_ms: o.sql.p50_ms,
          floor_sql_p95_ms: o.sql.p95_ms,
          floor_sql_errors: o.sql.errors,
          ratio_p95: ratio(o.app.p95_ms, o.http.p95_ms),
          ratio_p95_sql: ratio(o.app.p95_ms, o.sql.p95_ms),
        },
        closed: {
          concurrency: PANELISTS,
          rps: c.app.rps,
          p50_ms: c.app.p50_ms,
          p95_ms: c.app.p95_ms,
          p99_ms: c.app.p99_ms,
          errors: c.app.errors,
          floor_http_rps: c.http.rps,
          floor_http_p95_ms: c.http.p95_ms,
          floor_sql_rps: c.sql.rps,
          floor_sql_p95_ms: c.sql.p95_ms,
          ratio_rps: ratio(c.app.rps, c.http.rps),
          ratio_rps_sql: ratio(c.app.rps, c.sql.rps),
        },
        raw,
      };
      const contended = { app: raw.open_contended_app!, http: raw.open_contended_http! };
      results.save_rating.open_contended = {
        app_p50_ms: contended.app.p50_ms,
        app_p95_ms: contended.app.p95_ms,
        floor_p50_ms: contended.http.p50_ms,
        floor_p95_ms: contended.http.p95_ms,
        ratio_p95: ratio(contended.app.p95_ms, contended.http.p95_ms),
        cpu_ms_per_save: contended.app.cpu_ms_per_save?.server ?? null,
        floor_cpu_ms_per_save: contended.http.cpu_ms_per_save?.server ?? null,
        errors: contended.app.errors,
      };
      log(`save_rating closed loop, ${PANELISTS} concurrent split over two app instances on one database, ${RUN_SECONDS} s...`);
      const second = await startAppInstance(ROOT, appEnv);
      try {
        results.save_rating.two_instances = await benchTwoInstances(pool, live, cookies, [{ baseUrl, pid: app.pid }, second], {
          durationS: RUN_SECONDS,
          pgDataDir: embedded.dataDir,
          oneInstanceRps: c.app.rps,
        });
      } finally {
        await second.stop();
      }
    }

    if (only.has("progress")) {
      const subscribers = 5_000;
      const changes = quick ? 3 : 5;
      // A few sessions shared by the streams: the interview's four panelists and the organisation's admin.
      const viewers = [...live.panelists.slice(0, 4).map((p) => p.email), live.adminEmail];
      const viewerCookies = await signInAll(baseUrl, viewers);
      log(`progress.fanout: ${subscribers} live-progress streams on one instance, ${changes} panel changes...`);
      let appEvent = "";
      const one = await benchProgressFanout(pool, live, [{ baseUrl, pid: app.pid }], viewerCookies, { subscribers, changes, log, onEvent: (event) => (appEvent = event) });
      results.progress = { fanout: one };
      log(`progress.fanout: ${subscribers} streams split over two instances on one database...`);
      const second = await startAppInstance(ROOT, appEnv);
      try {
        results.progress.fanout_two_instances = await benchProgressFanout(pool, live, [{ baseUrl, pid: app.pid }, second], viewerCookies, { subscribers, changes, log });
      } finally {
        await second.stop();
      }
      if (appEvent) {
        log(`progress.fanout.floor: ${subscribers} streams from a bare node:http server writing the app's event to each...`);
        results.progress.fanout.floor = await benchProgressFanoutFloor(appEvent, live.panelists[0]!.userId, { subscribers, changes, log });
      } else {
        log("progress.fanout.floor: skipped (no stream received the app's progress event to send)");
      }
    }

    if (hiringVacancy) {
      const org = compareOrgs.at(-1)!;
      const cookie = await signIn(baseUrl, hiringVacancy.managerEmail);
      const orgRatings = org.ratings + hiringVacancy.ratings;
      // The floor's client: the app's pool size (src/server/db.ts), requests one at a time as the timed GETs.
      const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
      try {
        if (only.has("debrief.page")) {
          log(`debrief.page: debriefs.get, 5 panelists and 20 questions, ${orgRatings} ratings in the organisation...`);
          results["debrief.page"] = await benchDebriefPage(baseUrl, cookie, prisma, hiringVacancy, orgRatings, { runs: COMPARE_RUNS, warmup: 5 });
        }
        if (only.has("vacancies.pipeline")) {
          log(`vacancies.pipeline: ${hiringVacancy.candidates} candidates...`);
          results["vacancies.pipeline"] = await benchPipeline(baseUrl, cookie, prisma, hiringVacancy, orgRatings, { runs: COMPARE_RUNS, warmup: 5 });
        }
        if (only.has("api") && apiSeed) {
          log("api: 10,000 candidates and the vacancy's scorecards by pages of 100, with an API key...");
          results.api = await benchApi(baseUrl, prisma, apiSeed, hiringVacancy, orgRatings, { passes: quick ? 1 : 3 });
        }
      } finally {
        await prisma.$disconnect();
      }
    }

    if (only.has("compare")) {
      const sizes: CompareSize[] = [];
      const floorPort = await findFreePort();
      floorServer = await startFloorServer(databaseUrl, floorPort);
      const floorUrl = `http://127.0.0.1:${floorPort}`;
      for (const org of compareOrgs) {
        log(`compare: ${org.ratings} ratings...`);
        const cookie = await signIn(baseUrl, org.hrEmail);
        const hrId = `${org.orgId}-u-${org.hrEmail.split("@")[0]}`;
        sizes.push(await benchCompare(baseUrl, floorUrl, pool, org, { cookie, userId: hrId }, { runs: COMPARE_RUNS, warmup: 5 }));
      }
      await stopGroup(floorServer, false);
      floorServer = null;
      // The organisation-wide comparison in pages, on the largest organisation (issue 18: at 1M ratings).
      const largestOrg = compareOrgs.at(-1)!;
      log(`compare.org_page: ${largestOrg.ratings} ratings...`);
      const orgPage = await benchOrgPage(baseUrl, largestOrg, { cookie: await signIn(baseUrl, largestOrg.hrEmail) }, { runs: COMPARE_RUNS, warmup: 5 });
      const exponent = powerLawExponent(sizes.map((s) => ({ x: s.ratings, y: s.p95_ms })));
      const summaryExponent = powerLawExponent(sizes.map((s) => ({ x: s.ratings, y: s.summary_p95_ms })));
      results.compare = {
        sizes,
        growth_exponent: Number.isNaN(exponent) ? null : round(exponent, 3),
        summary_growth_exponent: Number.isNaN(summaryExponent) ? null : round(summaryExponent, 3),
        runs_per_size: COMPARE_RUNS,
        org_page: orgPage,
      };
    }

    if (only.has("calibration")) {
      const sizes: CalibrationSize[] = [];
      for (const org of compareOrgs) {
        log(`calibration: ${org.ratings} ratings...`);
        const cookie = await signIn(baseUrl, org.hrEmail);
        const hrId = `${org.orgId}-u-${org.hrEmail.split("@")[0]}`;
        sizes.push(await benchCalibration(baseUrl, pool, org, { cookie, userId: hrId }, { runs: COMPARE_RUNS, warmup: 5 }));
      }
      const exponent = powerLawExponent(sizes.map((s) => ({ x: s.ratings, y: s.p95_ms })));
      results.calibration = { sizes, growth_exponent: Number.isNaN(exponent) ? null : round(exponent, 3), runs_per_size: COMPARE_RUNS };
    }

    if (only.has("pages")) {
      log("pages: first-load JavaScript and the scoring page's LCP...");
      const [panelistCookie, adminCookie] = await Promise.all([signIn(baseUrl, live.panelists[0]!.email), signIn(baseUrl, live.adminEmail)]);
      const browser = await launchBrowser();
      try {
        const targets = {
          signin: { name: "sign-in", path: "/signin", cookie: null },
          builder: { name: "script builder", path: `/scripts/${live.builderScriptId}`, cookie: adminCookie },
          scoring: { name: "scoring", path: `/interviews/${live.panelists[0]!.interviewId}/score`, cookie: panelistCookie },
          compare: { name: "comparison", path: "/insights/compare", cookie: adminCookie },
        };
        const kb = {} as Record<keyof typeof targets, number>;
        for (const [key, target] of Object.entries(targets) as Array<[keyof typeof targets, (typeof targets)[keyof typeof targets]]>) {
          const measured = await firstLoadJsKb(browser, baseUrl, target);
          if (!measured.finalUrl.includes(target.path)) throw new Error(`The ${target.name} page redirected to ${measured.finalUrl}`);
          kb[key] = measured.kb;
        }
        const lcp = await lcpMs(browser, baseUrl, targets.scoring, LCP_LOADS);
        results.pages = {
          first_load_js_kb: kb,
          scoring_lcp_ms: lcp.median,
          scoring_lcp_runs_ms: lcp.all,
          measured: "sum of zlib.gzipSync(level 9) of every script body Chromium fetched on a cold load until network idle and 2 s more of quiet; LCP median of 5 cold loads at 1024x768",
        };
      } finally {
        await browser.close();
      }
      // After the Playwright browser has closed: Lighthouse's simulated throttling scales what it observes.
      log(`pages.lighthouse_mobile: the scoring page, My interviews, sign-in and the bare Next.js floor, ${LIGHTHOUSE_RUNS} runs each...`);
      nextFloor = await startNextFloor(nextEnv);
      const lighthouse = await benchLighthouseMobile(
        baseUrl,
        {
          scoring: { path: `/interviews/${live.panelists[0]!.interviewId}/score`, cookie: panelistCookie },
          my_interviews: { path: "/my-interviews", cookie: panelistCookie },
          signin: { path: "/signin", cookie: null },
        },
        { runs: LIGHTHOUSE_RUNS, chromePath: process.env.CHROMIUM_PATH!, log, floorUrl: nextFloor.baseUrl },
      );
      await nextFloor.stop();
      nextFloor = null;
      if (results.pages) results.pages.lighthouse_mobile = lighthouse;
    }

    await stopGroup(app, true);
    app = null;
    await pool.end();
    pool = null;
    await embedded.stop();
    rmSync(embedded.dataDir, { recursive: true, force: true });
    embedded = null;
  }

  if (only.has("startup")) {
    log(`startup: npm start on an empty data directory, then ${quick ? "once" : "three times"} on the existing one...`);
    results.startup = await benchStartup(log, quick ? 1 : 3);
  }

  results.machine.total_s = round((performance.now() - started) / 1000, 1);
  report(results);
}

function report(results: Results) {
  const lines: string[] = [];
  const s = results.save_rating;
  if (s) {
    lines.push(`save_rating (${s.panelists} panelists, ${s.duration_s} s per run)`);
    lines.push(
      formatTable(
        ["run", "rps", "p50 ms", "p95 ms", "p99 ms", "errors", "CPU ms/save: server", "postgres", "load gen"],
        Object.entries(s.raw).map(([name, f]) => [
          name.replace("_", " / "), f.rps, f.p50_ms, f.p95_ms, f.p99_ms, f.errors,
          f.cpu_ms_per_save?.server ?? "–", f.cpu_ms_per_save?.postgres ?? "–", f.cpu_ms_per_save?.client ?? "–",
        ]),
      ),
    );
    lines.push(`ratios: open p95 app/http ${s.open.ratio_p95}, app/sql ${s.open.ratio_p95_sql}; closed rps app/http ${s.closed.ratio_rps}, app/sql ${s.closed.ratio_rps_sql}`, "");
  }
  const f = results.progress;
  if (f) {
    lines.push("progress.fanout (live-progress streams, a panel change timed from COMMIT to its arrival on each stream)");
    lines.push(
      formatTable(
        ["server", "instances", "subscribers", "changes", "p50 ms", "p95 ms", "max ms", "lost", "bytes/stream", "open s"],
        ([["app", f.fanout], ["app", f.fanout_two_instances], ["floor: bare node:http", f.fanout.floor]] as const).flatMap(([server, x]) =>
          x ? [[server, x.instances, x.subscribers, x.changes, x.p50_ms, x.p95_ms, x.max_ms, x.lost, x.bytes_per_stream, x.open_s]] : [],
        ),
      ),
      "floor = the same reader and changes against a node:http server holding the streams and writing the app's event to each when told (no database, no tRPC): the machine's own cost of the fan-out",
      "",
    );
  }
  if (s?.two_instances) {
    const t = s.two_instances;
    lines.push(`save_rating.two_instances: ${t.rps} saves/s (x${t.ratio} one instance), p95 ${t.p95_ms} ms, errors ${t.errors}; CPU ms/save: servers ${t.cpu_ms_per_save.servers}, postgres ${t.cpu_ms_per_save.postgres}, load gen ${t.cpu_ms_per_save.client}`, "");
  }
  const c = results.compare;
  if (c) {
    lines.push("compare (largest vacancy, HR, not blind) and candidate summary");
    lines.push(
      formatTable(
        ["ratings", "rows", "p50 ms", "p95 ms", "SQL p50", "SQL p95", "ratio", "HTTP p50", "HTTP p95", "ratio HTTP", "summary p50", "summary p95", "summary SQL p95"],
        c.sizes.map((z) => [
          z.ratings, z.rows, z.p50_ms, z.p95_ms, z.floor_sql_p50_ms, z.floor_sql_p95_ms, z.ratio_p95,
          z.floor_http_p50_ms, z.floor_http_p95_ms, z.ratio_p95_http, z.summary_p50_ms, z.summary_p95_ms, z.summary_floor_sql_p95_ms,
        ]),
      ),
    );
    lines.push(
      "HTTP = the same two statements and their JSON in the same answer from a bare node:http handler (gzip level 1, as the app): what any server pays to send it",
      `growth exponent (p95 ~ ratings^k): compare ${c.growth_exponent}, summary ${c.summary_growth_exponent}`,
      ...(c.org_page
        ? [`compare.org_page (whole organisation, ${c.org_page.candidates} candidates, ${c.org_page.ratings} ratings, HR, 100 a page): first p50 ${c.org_page.first_p50_ms} / p95 ${c.org_page.first_p95_ms} ms, next p50 ${c.org_page.next_p50_ms} / p95 ${c.org_page.next_p95_ms} ms`]
        : []),
      "",
    );
  }
  const cal = results.calibration;
  if (cal) {
    lines.push("calibration (whole organisation, HR, no filters)");
    lines.push(
      formatTable(
        ["ratings", "panelists", "pairable", "p50 ms", "p95 ms", "SQL p50", "SQL p95", "ratio"],
        cal.sizes.map((z) => [z.ratings, z.panelists, z.pairable_values, z.p50_ms, z.p95_ms, z.floor_sql_p50_ms, z.floor_sql_p95_ms, z.ratio_p95]),
      ),
    );
    lines.push(`growth exponent (p95 ~ ratings^k): calibration ${cal.growth_exponent}`, "");
  }
  const d = results["debrief.page"];
  const v = results["vacancies.pipeline"];
  if (d || v) {
    lines.push("debrief page and vacancy pipeline (the vacancy's hiring manager, through /api/trpc)");
    lines.push(
      formatTable(
        ["read", "what", "p50 ms", "p95 ms", "max ms", "service p50", "service p95", "ratio", "bytes"],
        [d, v].flatMap((f) =>
          f
            ? [
                [
                  f.procedure,
                  "queue_units" in f
                    ? `${f.panelists} panelists, ${f.questions} questions, queue ${f.queue_units}, ranked of ${f.ranked_of}; ${f.org_ratings} ratings in org`
                    : `${f.vacancy_candidates} candidates in ${Object.keys(f.columns).length} columns; ${f.org_ratings} ratings in org`,
                  f.p50_ms, f.p95_ms, f.max_ms, f.floor_service_p50_ms, f.floor_service_p95_ms, f.ratio_p95_service, f.response_bytes,
                ],
              ]
            : [],
        ),
      ),
      "service = the same service function in the bench process with Prisma: its SQL and JavaScript without HTTP, session, tRPC, output checks and compression",
      "",
    );
  }
  lines.push(...apiLines(results.api));
  const p = results.pages;
  if (p) {
    lines.push(
      `pages: first-load JS gzip KB: sign-in ${p.first_load_js_kb.signin}, builder ${p.first_load_js_kb.builder}, scoring ${p.first_load_js_kb.scoring}, compare ${p.first_load_js_kb.compare}; scoring LCP ${p.scoring_lcp_ms} ms (${p.scoring_lcp_runs_ms.join(", ")})`,
      "",
    );
    if (p.lighthouse_mobile) lines.push("pages.lighthouse_mobile (median of each figure; runs as performance/TBT/LCP; floor = a bare Next.js page)", ...lighthouseLines(p.lighthouse_mobile), "");
  }
  if (results.startup) lines.push(`startup: existing data dir ${results.startup.existing_ms} ms (${results.startup.existing_runs_ms.join(", ")}), empty ${results.startup.empty_ms} ms`, "");

  const largest = c?.sizes.at(-1);
  const targets: Array<[string, string, boolean | null]> = [
    ["save_rating open p95 <= 2x bare HTTP", `${s?.open.p95_ms} ms vs ${s?.open.floor_http_p95_ms} ms (x${s?.open.ratio_p95})`, s && s.open.ratio_p95 !== null ? s.open.ratio_p95 <= 2 : null],
    ["save_rating open p95 < 25 ms", `${s?.open.p95_ms} ms`, s ? s.open.p95_ms < 25 : null],
    ["save_rating open 0 errors", `${s?.open.errors}`, s ? s.open.errors === 0 : null],
    ["save_rating closed rps >= 0.5x bare HTTP", `${s?.closed.rps} vs ${s?.closed.floor_http_rps} (x${s?.closed.ratio_rps})`, s && s.closed.ratio_rps !== null ? s.closed.ratio_rps >= 0.5 : null],
    ["save_rating closed 0 errors", `${s?.closed.errors}`, s ? s.closed.errors === 0 : null],
    ["save_rating contended open p95 <= 3x bare HTTP", `${s?.open_contended?.app_p95_ms} ms vs ${s?.open_contended?.floor_p95_ms} ms (x${s?.open_contended?.ratio_p95})`, s?.open_contended?.ratio_p95 != null ? s.open_contended.ratio_p95 <= 3 : null],
    ["save_rating server CPU per save < 1 ms (contended open loop)", `${s?.open_contended?.cpu_ms_per_save} ms`, s?.open_contended?.cpu_ms_per_save != null ? s.open_contended.cpu_ms_per_save < 1 : null],
    ["progress.fanout p95 < 200 ms from commit (one instance)", `${f?.fanout.p95_ms} ms, ${f?.fanout.subscribers} streams (floor ${f?.fanout.floor?.p95_ms ?? "–"} ms)`, f ? f.fanout.p95_ms < 200 : null],
    ["progress.fanout 0 lost", `${f?.fanout.lost} (two instances: ${f?.fanout_two_instances?.lost})`, f ? f.fanout.lost === 0 && (f.fanout_two_instances?.lost ?? 0) === 0 : null],
    ["save_rating two instances >= 1.6x one", `${s?.two_instances?.rps} vs ${s?.closed.rps} (x${s?.two_instances?.ratio})`, s?.two_instances?.ratio != null ? s.two_instances.ratio >= 1.6 : null],
    // Issue 18 replaced the old target against raw SQL (ratio_p95, still reported) with one against the bare-HTTP floor.
    [`compare p95 <= 1.3x bare HTTP (${largest?.ratings ?? "?"} ratings)`, `${largest?.p95_ms} ms vs ${largest?.floor_http_p95_ms} ms (x${largest?.ratio_p95_http})`, largest && largest.ratio_p95_http !== null ? largest.ratio_p95_http <= 1.3 : null],
    [`compare p95 < 150 ms (${largest?.ratings ?? "?"} ratings)`, `${largest?.p95_ms} ms`, largest ? largest.p95_ms < 150 : null],
    ["compare growth exponent < 0.5", `${c?.growth_exponent}`, c?.growth_exponent != null ? c.growth_exponent < 0.5 : null],
    [`compare.org_page first and next p95 < 100 ms (${c?.org_page?.ratings ?? "?"} ratings)`, `${c?.org_page?.first_p95_ms} / ${c?.org_page?.next_p95_ms} ms`, c?.org_page ? Math.max(c.org_page.first_p95_ms, c.org_page.next_p95_ms) < 100 : null],
    ...calibrationTargetRows(results.calibration),
    [`debrief.page p95 < ${HIRING_TARGET_P95_MS} ms (${d?.org_ratings ?? "?"} ratings)`, `${d?.p95_ms} ms`, d ? d.pass : null],
    [`vacancies.pipeline p95 < ${HIRING_TARGET_P95_MS} ms (${v?.vacancy_candidates ?? "?"} candidates)`, `${v?.p95_ms} ms`, v ? v.pass : null],
    ...apiTargetRows(results.api),
    ["scoring first-load JS < 150 KB gzip", `${p?.first_load_js_kb.scoring} KB`, p ? p.first_load_js_kb.scoring < 150 : null],
    ["scoring LCP < 1 s", `${p?.scoring_lcp_ms} ms`, p ? p.scoring_lcp_ms < 1000 : null],
    ...lighthouseTargetRows(p?.lighthouse_mobile),
    ["startup on existing data < 5 s", `${results.startup?.existing_ms} ms`, results.startup ? results.startup.existing_ms < 5000 : null],
  ];
  lines.push("targets");
  lines.push(formatTable(["target", "measured", "result"], targets.map(([t, m, ok]) => [t, ok === null ? "–" : m, verdict(ok)])));
  lines.push("", `machine: ${results.machine.cpus} CPUs, load average at start ${results.machine.loadavg_at_start.join(" ")} (shared machine: absolute times drift; compare ratios). Total ${results.machine.total_s} s.`);
  console.log("\n" + lines.join("\n"));

  const out = path.join(ROOT, "bench", "results");
  mkdirSync(out, { recursive: true });
  const json = JSON.stringify(results);
  writeFileSync(path.join(out, "latest.json"), JSON.stringify(results, null, 2) + "\n");
  log(`Wrote ${path.relative(ROOT, path.join(out, "latest.json"))}`);
  if (printJson) console.log(json);
}

main()
  .then(() => cleanup())
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(`[bench] Failed: ${(error as Error).stack ?? String(error)}`);
    await cleanup();
    process.exit(1);
  });
