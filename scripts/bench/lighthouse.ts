// pages.lighthouse_mobile: Lighthouse 12 in its default mobile mode (Moto G Power emulation, 4x CPU slowdown,
// slow 4G, simulated) on the pages a panelist opens on a tablet, with the Chromium the project provisions.
// Each run is the lighthouse CLI in its own process and its own fresh browser profile (a cold load).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS } from "../lib/chromium";
import { percentile, round } from "./stats";

const LIGHTHOUSE = path.resolve(import.meta.dirname, "../../node_modules/.bin/lighthouse");

// No traffic beyond the page under test: no component updates, sync, field trials or QUIC probes.
const CHROME_FLAGS = [
  "--headless=new",
  ...CHROMIUM_ARGS.filter((flag) => flag !== "--headless"),
  "--disable-domain-reliability",
  "--disable-field-trial-config",
];

export type LighthouseFigures = {
  performance: number;
  accessibility: number;
  lcp_ms: number;
  tbt_ms: number;
  /**
   * Lighthouse's own measure of the host's CPU speed in that run (`environment.benchmarkIndex`). Its 4x slowdown
   * is meant for a host of about 1,000 and above; Lighthouse warns below 1,000, where 4x emulates a device slower
   * than the Moto G Power its mobile mode models. Null when the report has none.
   */
  benchmark_index: number | null;
};
export type LighthousePage = LighthouseFigures & { runs: LighthouseFigures[] };

type Report = {
  runtimeError?: { code: string; message: string };
  finalDisplayedUrl?: string;
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { numericValue?: number } | undefined>;
  environment?: { benchmarkIndex?: number };
};

/** The figures of one Lighthouse JSON report; throws when the page failed to load or a figure is missing. */
export function figuresFromReport(report: Report): LighthouseFigures {
  if (report.runtimeError) throw new Error(`Lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}`);
  const score = (category: string) => {
    const value = report.categories[category]?.score;
    if (value == null) throw new Error(`Lighthouse report without a ${category} score`);
    return Math.round(value * 100);
  };
  const metric = (audit: string) => {
    const value = report.audits[audit]?.numericValue;
    if (value == null) throw new Error(`Lighthouse report without ${audit}`);
    return round(value, 0);
  };
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcp_ms: metric("largest-contentful-paint"),
    tbt_ms: metric("total-blocking-time"),
    benchmark_index: report.environment?.benchmarkIndex == null ? null : Math.round(report.environment.benchmarkIndex),
  };
}

/** The runs' benchmark indexes, leaving out runs whose report had none. */
const benchmarkIndexes = (runs: readonly LighthouseFigures[]) => runs.flatMap((r) => (r.benchmark_index == null ? [] : [r.benchmark_index]));

/** Each figure's median over the runs (a run's figures vary together, but the lead reads each one alone). */
export function medianFigures(runs: LighthouseFigures[]): LighthousePage {
  const median = (key: Exclude<keyof LighthouseFigures, "benchmark_index">) => percentile(runs.map((r) => r[key]), 50);
  const indexes = benchmarkIndexes(runs);
  return {
    performance: median("performance"),
    accessibility: median("accessibility"),
    lcp_ms: median("lcp_ms"),
    tbt_ms: median("tbt_ms"),
    benchmark_index: indexes.length ? percentile(indexes, 50) : null,
    runs,
  };
}

/** A run Lighthouse itself reports as failed to record is tried this many times before the bench gives up. */
const LIGHTHOUSE_ATTEMPTS = 3;

/**
 * `tmpDir` is the page's own temporary directory, removed after its runs: Lighthouse stops Chromium with SIGKILL,
 * so the folder Chromium makes under TMPDIR for its singleton socket is never removed by Chromium itself (one
 * left in /tmp per run, about twenty per bench, before this).
 */
function runLighthouse(url: string, args: string[], chromePath: string, tmpDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(LIGHTHOUSE, [url, ...args], {
      env: { ...process.env, CHROME_PATH: chromePath, TMPDIR: tmpDir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(stderr) : reject(new Error(`lighthouse exited ${code}: ${stderr}`))));
  });
}

/** `runs` mobile Lighthouse runs of one page (the Cookie header signs it in), and the median of each figure. */
export async function lighthouseMobile(
  baseUrl: string,
  target: { path: string; cookie: string | null },
  options: { runs: number; chromePath: string; log?: (line: string) => void },
): Promise<LighthousePage> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "panelkit-lighthouse-"));
  try {
    const args = [
      "--only-categories=performance,accessibility",
      "--output=json",
      `--output-path=${path.join(dir, "report.json")}`,
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
      "--quiet",
    ];
    if (target.cookie) {
      // In a file, not on the command line, where any process listing would show the session.
      writeFileSync(path.join(dir, "headers.json"), JSON.stringify({ Cookie: target.cookie }), { mode: 0o600 });
      args.push(`--extra-headers=${path.join(dir, "headers.json")}`);
    }
    const runs: LighthouseFigures[] = [];
    for (let i = 0; i < options.runs; i++) {
      for (let attempt = 1; ; attempt++) {
        try {
          await runLighthouse(baseUrl + target.path, args, options.chromePath, dir);
          const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")) as Report;
          if (report.finalDisplayedUrl && !report.finalDisplayedUrl.includes(target.path)) {
            throw new Error(`Lighthouse on ${target.path} ended on ${report.finalDisplayedUrl} (signed out?)`);
          }
          runs.push(figuresFromReport(report));
          break;
        } catch (error) {
          // Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP, "Please run Lighthouse again"):
          // such a run is run again rather than losing the whole bench; a page that fails every time still fails.
          const message = error instanceof Error ? error.message : String(error);
          if (attempt >= LIGHTHOUSE_ATTEMPTS || !/Runtime error|Please run Lighthouse again|NO_NAVSTART|NO_FCP/.test(message)) throw error;
          options.log?.(`  lighthouse on ${target.path}: ${(message.split("\n")[0] ?? "").slice(0, 160)}; running it again (attempt ${attempt + 1} of ${LIGHTHOUSE_ATTEMPTS})`);
        }
      }
    }
    return medianFigures(runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const LIGHTHOUSE_PAGES = ["scoring", "my_interviews", "signin"] as const;
export type LighthouseMobile = Record<(typeof LIGHTHOUSE_PAGES)[number], LighthousePage> & {
  runs_per_page: number;
  measured: string;
  /** The same runs on a bare Next.js page (next-floor.ts): what the framework alone costs. */
  floor?: LighthousePage;
};

/** Below this benchmarkIndex Lighthouse warns that the host is slower than its 4x slowdown assumes. */
export const SLOW_HOST_BENCHMARK_INDEX = 1000;

/** Issue 18's targets for each page: performance at least 95, total blocking time under 200 ms, LCP under 2.5 s. */
export const LIGHTHOUSE_TARGETS = { performance: 95, tbt_ms: 200, lcp_ms: 2500, accessibility: 100 };

/**
 * The three pages and, when `floorUrl` is given, the bare Next.js floor page, in rounds: each round runs every
 * page once, one after another (never two Lighthouse runs at once: they would slow each other down), so a
 * machine getting busier or quieter during the runs moves the pages and their floor alike.
 */
export async function benchLighthouseMobile(
  baseUrl: string,
  targets: Record<(typeof LIGHTHOUSE_PAGES)[number], { path: string; cookie: string | null }>,
  options: { runs: number; chromePath: string; log: (line: string) => void; floorUrl?: string },
): Promise<LighthouseMobile> {
  type Entry = [key: (typeof LIGHTHOUSE_PAGES)[number] | "floor", url: string, target: { path: string; cookie: string | null }];
  const all: Entry[] = LIGHTHOUSE_PAGES.map((key): Entry => [key, baseUrl, targets[key]]);
  if (options.floorUrl) all.push(["floor", options.floorUrl, { path: "/", cookie: null }]);
  const runs = new Map<string, LighthouseFigures[]>(all.map(([key]) => [key, []]));
  for (let round = 1; round <= options.runs; round++) {
    options.log(`  lighthouse mobile, round ${round} of ${options.runs}: ${all.map(([key]) => key).join(", ")}...`);
    for (const [key, url, target] of all) runs.get(key)!.push(...(await lighthouseMobile(url, target, { ...options, runs: 1 })).runs);
  }
  const pages = Object.fromEntries(LIGHTHOUSE_PAGES.map((key) => [key, medianFigures(runs.get(key)!)])) as Record<(typeof LIGHTHOUSE_PAGES)[number], LighthousePage>;
  const floor = options.floorUrl ? medianFigures(runs.get("floor")!) : undefined;
  return {
    ...pages,
    runs_per_page: options.runs,
    measured:
      `lighthouse 12.2.3 CLI, default mobile settings (simulated: 4x CPU slowdown, slow 4G), performance and accessibility categories, a fresh Chromium profile per run, the pages in turn round after round; median of ${options.runs} runs per figure` +
      (floor
        ? "; floor: the same runs on a bare Next.js page (scripts/bench/next-floor: root layout, a server-rendered h1 and paragraph, force-dynamic, no client component) with the project's next and react, built with webpack (the app with Turbopack) and served by next start"
        : ""),
    ...(floor ? { floor } : {}),
  };
}

/** One line per page for the printed report, each figure beside the floor's when there is one, then the floor's. */
export function lighthouseLines(figures: LighthouseMobile): string[] {
  const floor = figures.floor;
  const beside = (value: number, key: "performance" | "tbt_ms" | "lcp_ms", unit = "") => `${value}${unit}${floor ? ` (floor ${floor[key]}${unit})` : ""}`;
  const runs = (p: LighthousePage) => p.runs.map((r) => `${r.performance}/${r.tbt_ms}/${r.lcp_ms}`).join(", ");
  const lines = LIGHTHOUSE_PAGES.map((key) => {
    const p = figures[key];
    return `  ${key}: performance ${beside(p.performance, "performance")}, TBT ${beside(p.tbt_ms, "tbt_ms", " ms")}, LCP ${beside(p.lcp_ms, "lcp_ms", " ms")}, accessibility ${p.accessibility} (runs: ${runs(p)})`;
  });
  if (floor) lines.push(`  floor (bare Next.js page): performance ${floor.performance}, TBT ${floor.tbt_ms} ms, LCP ${floor.lcp_ms} ms, accessibility ${floor.accessibility} (runs: ${runs(floor)})`);
  const indexes = [...LIGHTHOUSE_PAGES.map((key) => figures[key]), ...(floor ? [floor] : [])].flatMap((p) => benchmarkIndexes(p.runs));
  if (indexes.length) {
    lines.push(
      `  host CPU (Lighthouse benchmarkIndex, median of ${indexes.length} runs): ${percentile(indexes, 50)}, from ${Math.min(...indexes)} to ${Math.max(...indexes)}; Lighthouse warns below ${SLOW_HOST_BENCHMARK_INDEX}`,
    );
  }
  return lines;
}

/** The target rows (name, measured, met) for the report's targets table; nothing measured gives null. */
export function lighthouseTargetRows(figures: LighthouseMobile | undefined): Array<[string, string, boolean | null]> {
  const t = LIGHTHOUSE_TARGETS;
  return LIGHTHOUSE_PAGES.map((key) => {
    const p = figures?.[key];
    return [
      `lighthouse mobile ${key}: performance >= ${t.performance}, TBT < ${t.tbt_ms} ms, LCP < ${t.lcp_ms / 1000} s, accessibility ${t.accessibility}`,
      `${p?.performance}, ${p?.tbt_ms} ms, ${p?.lcp_ms} ms, ${p?.accessibility}`,
      p ? p.performance >= t.performance && p.tbt_ms < t.tbt_ms && p.lcp_ms < t.lcp_ms && p.accessibility >= t.accessibility : null,
    ];
  });
}
