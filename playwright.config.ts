// Browser tests run against the built app, which scripts/run-e2e.ts starts on a free port and
// announces through E2E_BASE_URL. The runner finds or installs a Chromium first (scripts/lib/chromium.ts)
// and passes it on as CHROMIUM_PATH.
import { defineConfig } from "@playwright/test";
import { SOLO_SPECS } from "./e2e/support/solo-specs";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";

const isCI = !!process.env.CI;

// run-e2e.ts starts an app and a database per worker and names them E2E_BASE_URL_<n> and E2E_DATABASE_URL_<n>.
// This file is loaded again in each worker process, where Playwright sets TEST_PARALLEL_INDEX: the worker takes
// its own pair under the plain names before any spec is loaded, so specs keep reading E2E_BASE_URL.
const slot = process.env.TEST_PARALLEL_INDEX;
for (const name of ["E2E_BASE_URL", "E2E_DATABASE_URL"]) {
  const own = slot === undefined ? undefined : process.env[`${name}_${slot}`];
  if (own) process.env[name] = own;
}

// run-e2e.ts runs the specs in two phases: those on the shared apps (E2E_PHASE=shared), then those that start
// servers of their own, alone (E2E_PHASE=solo). Run directly, without E2E_PHASE, Playwright takes every spec.
const soloGlobs = SOLO_SPECS.map((name) => `**/${name}`);
const phase = process.env.E2E_PHASE;
const specSelection = phase === "solo" ? { testMatch: soloGlobs } : phase === "shared" ? { testIgnore: soloGlobs } : {};

export default defineConfig({
  testDir: "e2e",
  ...specSelection,
  outputDir: "test-results",
  // run-e2e.ts passes --workers (E2E_WORKERS, one by default; each worker with an app and a database of its own).
  workers: 1,
  fullyParallel: false,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    // Recording a trace costs every test 13 to 19% of its time on two cores (four specs: 88 s untraced against
    // 101 and 108 s traced), so CI records one only for a failed test's retry; locally every failure keeps one.
    trace: isCI ? "on-first-retry" : "retain-on-failure",
    // Tablet width: the narrowest layout panelists use during an interview.
    viewport: { width: 1024, height: 768 },
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
