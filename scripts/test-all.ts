// `npm test`: lint, typecheck, unit tests, integration tests and browser tests, in that order.
// Every step runs even when an earlier one fails; the counts come from the runners' JSON reports
// and the last line printed is `N passed, N failed[, N skipped]` (CI reads it as the test count).
//
//   npm test                   everything
//   npm test -- --skip-e2e     everything but the browser tests (quick local run; not a full pass)
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureChromium } from "./lib/chromium";

type StepKind = "check" | "vitest" | "playwright";

type Step = {
  name: string;
  kind: StepKind;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Where the runner writes its JSON report (vitest and Playwright steps). */
  report?: string;
};

type StepResult = {
  name: string;
  status: "passed" | "failed" | "not run";
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  notes: string[];
};

const USAGE = "usage: tsx scripts/test-all.ts [--skip-e2e]";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== "--skip-e2e");
if (unknown.length > 0) {
  console.error(`test-all: unknown argument(s): ${unknown.join(" ")}\n${USAGE}`);
  process.exit(2);
}
const skipE2e = args.includes("--skip-e2e");

const reportDir = mkdtempSync(path.join(os.tmpdir(), "panelkit-test-all-"));

function vitestStep(project: string): Step {
  const report = path.join(reportDir, `vitest-${project}.json`);
  return {
    name: `${project} tests`,
    kind: "vitest",
    command: bin("vitest"),
    args: ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    report,
  };
}

const e2eReport = path.join(reportDir, "playwright.json");
const steps: Step[] = [
  { name: "lint", kind: "check", command: npm, args: ["run", "lint"] },
  { name: "typecheck", kind: "check", command: npm, args: ["run", "typecheck"] },
  vitestStep("unit"),
  vitestStep("integration"),
  {
    name: "browser tests",
    kind: "playwright",
    command: bin("tsx"),
    args: [path.join("scripts", "run-e2e.ts"), "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport, PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport },
    report: e2eReport,
  },
];

// Ctrl-C or CI's SIGTERM: pass it to the running step, then summarise what ran instead of dying silently.
let interruptedBy: NodeJS.Signals | null = null;
let running: ReturnType<typeof spawn> | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interruptedBy = signal;
    running?.kill(signal);
  });
}

function run(step: Step): Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, ...step.env },
    });
    running = child;
    child.once("error", (error) => {
      running = null;
      resolve({ code: null, signal: null, error });
    });
    child.once("exit", (code, signal) => {
      running = null;
      resolve({ code, signal });
    });
  });
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

type VitestReport = {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numTotalTests?: number;
  testResults?: { name?: string; status?: string; message?: string; assertionResults?: { status?: string }[] }[];
};

type PlaywrightReport = {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: { message?: string }[];
};

/** Turns a finished step into counts. `exitCode` catches failures the report doesn't show as a failed test. */
function summarise(step: Step, exitCode: number | null, seconds: number, spawnError?: Error): StepResult {
  const result: StepResult = { name: step.name, status: "passed", passed: 0, failed: 0, skipped: 0, seconds, notes: [] };
  const exit = exitCode ?? "signal";
  if (spawnError) result.notes.push(`could not start: ${spawnError.message}`);

  if (step.kind === "check") {
    if (exitCode === 0) result.passed = 1;
    else result.failed = 1;
  } else if (step.kind === "vitest") {
    const report = readJson(step.report!) as VitestReport | undefined;
    if (!report) {
      result.failed = 1;
      result.notes.push(`no JSON report (runner exited with ${exit}); counted as 1 failed`);
    } else {
      result.passed = num(report.numPassedTests);
      result.failed = num(report.numFailedTests);
      result.skipped = num(report.numPendingTests) + num(report.numTodoTests);
      // A file that fails to load or whose hooks throw has no failed test of its own.
      const brokenFiles = (report.testResults ?? []).filter(
        (file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
      );
      for (const file of brokenFiles) {
        result.failed += 1;
        result.notes.push(
          `${path.relative(root, file.name ?? "?")} failed outside a test: ${(file.message ?? "").split("\n")[0]}`,
        );
      }
      if (result.passed + result.failed + result.skipped === 0) {
        result.failed = 1;
        result.notes.push("ran no tests; a runner that runs nothing is broken");
      }
      if (exitCode !== 0 && result.failed === 0) {
        result.failed = 1;
        result.notes.push(`every test passed but the runner exited with ${exit} (unhandled error?)`);
      }
    }
  } else {
    const report = readJson(step.report!) as PlaywrightReport | undefined;
    if (!report?.stats) {
      result.failed = 1;
      result.notes.push(`no JSON report (exited with ${exit}); counted as 1 failed`);
    } else {
      const { expected, unexpected, flaky, skipped } = report.stats;
      // Flaky = failed, then passed on retry (CI allows one retry): counted as passed, but named.
      result.passed = num(expected) + num(flaky);
      result.failed = num(unexpected);
      result.skipped = num(skipped);
      if (num(flaky) > 0) result.notes.push(`${num(flaky)} flaky: passed only on retry; see the list above`);
      for (const error of report.errors ?? []) {
        result.notes.push(`error outside a test: ${(error.message ?? "").split("\n")[0]}`);
      }
      if (result.passed + result.failed + result.skipped === 0) {
        result.failed = 1;
        result.notes.push("ran no tests; a runner that runs nothing is broken");
      }
      if (exitCode !== 0 && result.failed === 0) {
        result.failed = 1;
        result.notes.push(`no test failed but the step exited with ${exit} (server, setup or build error?)`);
      }
    }
  }

  if (result.failed > 0) result.status = "failed";
  return result;
}

function notRun(step: Step, why: string): StepResult {
  return { name: step.name, status: "not run", passed: 0, failed: 0, skipped: 0, seconds: 0, notes: [why] };
}

function banner(text: string): void {
  console.log(`\n${"=".repeat(72)}\n== ${text}\n${"=".repeat(72)}`);
}

function printTable(results: StepResult[]): void {
  const header = ["step", "result", "passed", "failed", "skipped", "time"];
  const rows = results.map((r) => [
    r.name,
    r.status,
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    r.status === "not run" ? "-" : `${r.seconds.toFixed(1)}s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  const results: StepResult[] = [];
  // First, so that a fresh machine installs its browser (or learns the command) in seconds, not after the other suites.
  let noBrowser: string | null = null;
  if (!skipE2e) {
    banner("browser for the browser tests");
    try {
      process.env.CHROMIUM_PATH = ensureChromium().path;
    } catch (error) {
      noBrowser = (error as Error).message;
      console.error(noBrowser);
    }
  }
  for (const step of steps) {
    if (interruptedBy) {
      results.push(notRun(step, `not run: interrupted by ${interruptedBy}`));
      continue;
    }
    if (step.kind === "playwright" && skipE2e) {
      banner(`${step.name}: skipped (--skip-e2e)`);
      results.push(notRun(step, "not run: --skip-e2e"));
      continue;
    }
    if (step.kind === "playwright" && noBrowser) {
      results.push({ ...notRun(step, `not run: no Chromium. ${noBrowser.replace(/\n\s*/g, " ")}`), status: "failed", failed: 1 });
      continue;
    }
    banner(`${step.name}: ${[path.relative(root, step.command) || step.command, ...step.args].join(" ")}`);
    if (step.report) rmSync(step.report, { force: true });
    const started = performance.now();
    const { code, signal, error } = await run(step);
    const seconds = (performance.now() - started) / 1000;
    const result = summarise(step, code, seconds, error);
    if (signal) result.notes.push(`killed by ${signal}`);
    results.push(result);
  }

  banner("summary");
  printTable(results);

  const notes = results.flatMap((r) => r.notes.map((note) => `${r.name}: ${note}`));
  if (notes.length > 0) {
    console.log("");
    for (const note of notes) console.log(`note: ${note}`);
  }

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results) {
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
  }
  if (interruptedBy) failed += 1;

  if (skipE2e) {
    console.log("");
    console.log("WARNING: browser tests were NOT run (--skip-e2e). This is not a full test run; run `npm test` before pushing.");
  }
  if (interruptedBy) console.log(`\nInterrupted by ${interruptedBy}: counted as 1 failed.`);

  console.log("");
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
  return failed > 0 ? 1 : 0;
}

const exitCode = await main().finally(() => rmSync(reportDir, { recursive: true, force: true }));
process.exit(exitCode);
