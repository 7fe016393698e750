// Browser tests run against the built app, which scripts/run-e2e.ts starts on a free port and
// announces through E2E_BASE_URL. The runner finds or installs a Chromium first (scripts/lib/chromium.ts)
// and passes it on as CHROMIUM_PATH.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromium";

const isCI = !!process.env.CI;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Two cores: one worker leaves the other to the Next server and Postgres.
  workers: 1,
  fullyParallel: false,
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
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
