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
  /**
   * Consecutive steps that have it run as a group: the first on its own, beside the others run one after
   * another (output printed after, one step at a time).
   */
  sideBySide?: boolean;
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

/** `projects` is Vitest's --project filter: "integration*" is the suite in forks, then its timed files alone. */
function vitestStep(project: string, projects = project): Step {
  const report = path.join(reportDir, `vitest-${project}.json`);
  return {
    name: `${project} tests`,
    kind: "vitest",
    command: bin("vitest"),
    args: ["run", "--project", projects, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    report,
  };
}

const e2eReport = path.join(reportDir, "playwright.json");
const steps: Step[] = [
  // A core each: lint (type-aware, the longest of the three: 106 to 124 s in CI) on one, typecheck and then
  // the unit tests (63 s and 21 s) on the other. Run beside the integration tests and the build instead,
  // the three slowed each other by more than they gained.
  { name: "lint", kind: "check", command: npm, args: ["run", "lint"], sideBySide: true },
  { name: "typecheck", kind: "check", command: npm, args: ["run", "typecheck"], sideBySide: true },
  { ...vitestStep("unit"), sideBySide: true },
  vitestStep("integration", "integration*"),
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
const children = new Set<ReturnType<typeof spawn>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interruptedBy = signal;
    for (const child of children) child.kill(signal);
  });
}

type RunOutcome = { code: number | null; signal: NodeJS.Signals | null; error?: Error; output?: string };

/** Runs a step; with `capture`, its output is kept and returned instead of printed (for steps run side by side). */
function run(step: Step, capture = false): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...step.env },
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    children.add(child);
    child.once("error", (error) => {
      children.delete(child);
      resolve({ code: null, signal: null, error, output });
    });
    child.once("close", (code, signal) => {
      children.delete(child);
      resolve({ code, signal, output });
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
  testResults?: {
    name?: string;
    status?: string;
    message?: string;
    assertionResults?: { status?: string; fullName?: string; failureMessages?: string[] }[];
  }[];
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
      // Named again here because the runner's own report of a failure can be far above the summary, and
      // a CI log is often read from its end.
      for (const file of report.testResults ?? []) {
        for (const test of file.assertionResults ?? []) {
          if (test.status !== "failed") continue;
          const why = (test.failureMessages?.[0] ?? "").split("\n")[0]!.slice(0, 300);
          result.notes.push(`failed: ${path.relative(root, file.name ?? "?")} › ${test.fullName ?? "?"}: ${why}`);
        }
      }
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
  // The production build the browser tests need runs beside the unit and integration tests, which wait
  // on Postgres more than they use the CPU; the browser step then waits for it instead of building.
  let build: Promise<RunOutcome & { seconds: number }> | null = null;
  const startBuild = () => {
    const started = performance.now();
    const step: Step = { name: "build", kind: "check", command: bin("tsx"), args: [path.join(root, "scripts", "build.ts")], env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } };
    return run(step, true).then((outcome) => ({ ...outcome, seconds: (performance.now() - started) / 1000 }));
  };

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
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
    const batch = [step];
    while (step.sideBySide && steps[i + 1]?.sideBySide) batch.push(steps[++i]!);
    // The build starts with the first suite run on its own (the integration tests): beside lint and a
    // second lane it would make three CPU-bound processes on CI's two cores.
    if (batch.length === 1 && step.kind === "vitest" && !build && !skipE2e && !noBrowser) build = startBuild();

    let env: Record<string, string> | undefined;
    if (step.kind === "playwright" && build) {
      const built = await build;
      banner(`production build (ran beside the earlier steps, ${built.seconds.toFixed(1)}s): scripts/build.ts (next build, then the compile hint)`);
      process.stdout.write(built.output ?? "");
      if (built.code !== 0) {
        const result = { ...notRun(step, `not run: the production build failed (exit ${built.code ?? built.signal}); its output is above`), status: "failed" as const, failed: 1 };
        results.push(result);
        continue;
      }
      env = { E2E_REBUILD: "0" };
    }

    for (const item of batch) if (item.report) rmSync(item.report, { force: true });
    const capture = batch.length > 1;
    const runItem = (item: Step) => {
      if (!capture) banner(`${item.name}: ${[path.relative(root, item.command) || item.command, ...item.args].join(" ")}`);
      const itemStarted = performance.now();
      return run({ ...item, env: { ...item.env, ...env } }, capture).then((outcome) => ({ ...outcome, seconds: (performance.now() - itemStarted) / 1000 }));
    };
    // The group's first step in one lane, the rest one after another in the other.
    const [first, ...rest] = batch;
    const [firstOutcome, restOutcomes] = await Promise.all([
      runItem(first!),
      (async () => {
        const done: Awaited<ReturnType<typeof runItem>>[] = [];
        for (const item of rest) {
          if (interruptedBy) break;
          done.push(await runItem(item));
        }
        return done;
      })(),
    ]);
    const outcomes = [firstOutcome, ...restOutcomes];
    batch.forEach((item, index) => {
      if (!outcomes[index]) {
        results.push(notRun(item, `not run: interrupted by ${interruptedBy}`));
        return;
      }
      const { code, signal, error, output, seconds } = outcomes[index]!;
      if (capture) {
        banner(`${item.name}: ${[path.relative(root, item.command) || item.command, ...item.args].join(" ")} (ran side by side)`);
        process.stdout.write(output ?? "");
      }
      const result = summarise(item, code, seconds, error);
      if (signal) result.notes.push(`killed by ${signal}`);
      results.push(result);
    });
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
