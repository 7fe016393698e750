// The Chromium the browser tests and the benchmark drive, and how to get one on a machine that has none.
// Where it is looked for and what gets installed is decided in find-chromium.ts; this file gathers the
// machine's real facts and carries the decisions out.
import { spawnSync } from "node:child_process";
import { accessSync, constants, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { installPlans, lookForChromium, manualAdvice, type ChromiumFacts, type ChromiumFound } from "./find-chromium";

// Flags seen working as root in CI (see STACK-NOTES). No --user-data-dir: Playwright manages the profile
// itself and rejects that flag.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const ROOT = path.resolve(import.meta.dirname, "../..");

export function machineFacts(env: Record<string, string | undefined> = process.env): ChromiumFacts {
  let osRelease: string | null = null;
  try {
    osRelease = readFileSync("/etc/os-release", "utf8");
  } catch {
    // not Linux, or a minimal image without it
  }
  return {
    env,
    platform: process.platform,
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    osRelease,
    homeDir: os.homedir(),
    isExecutable(file) {
      try {
        if (!statSync(file).isFile()) return false;
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    listDir(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

/** The browser to launch, without installing anything (runners call ensureChromium first and pass CHROMIUM_PATH on). */
export function chromiumPath(): string {
  const found = lookForChromium(machineFacts()).found;
  if (!found) throw new Error(manualAdvice(machineFacts()));
  return found.path;
}

/** Package mirrors fail now and then: each install command gets three tries, 10 s and 20 s apart. */
function runWithRetries(command: string[], log: (line: string) => void, attempts = 3): boolean {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    log(`$ ${command.join(" ")}`);
    const result = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], timeout: 10 * 60_000 });
    if (result.status === 0) return true;
    log(`"${command.join(" ")}" failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}), attempt ${attempt} of ${attempts}`);
    if (attempt < attempts) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, attempt * 10_000);
  }
  return false;
}

/**
 * Finds a Chromium, installing one the way this machine allows when there is none. Returns its path, or
 * throws with the exact commands to run. `log` gets one line per decision; installers print to the terminal.
 */
export function ensureChromium(log: (line: string) => void = (line) => console.log(`[chromium] ${line}`)): ChromiumFound {
  const facts = machineFacts();
  const first = lookForChromium(facts);
  for (const warning of first.warnings) log(warning);
  if (first.found) {
    log(`using ${first.found.path} (from ${first.found.source})`);
    return first.found;
  }
  log("no Chromium found (CHROMIUM_PATH, Playwright's browser cache, chromium/chrome on PATH)");
  for (const plan of installPlans(facts)) {
    log(`installing: ${plan.name}`);
    const ok = plan.commands.every((command) => runWithRetries(command, log));
    if (!ok) continue;
    const installed = plan.expectedPaths.find((file) => facts.isExecutable(file));
    const found = installed ? { path: installed, source: plan.name } : lookForChromium({ ...facts, env: { ...facts.env, CHROMIUM_PATH: undefined } }).found;
    if (found) {
      log(`installed; using ${found.path}`);
      return found;
    }
    log(`${plan.name} finished but no browser appeared where expected`);
  }
  throw new Error(manualAdvice(facts));
}
