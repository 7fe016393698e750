// Browser tests run against the built app, which scripts/run-e2e.ts starts on a free port and
// announces through E2E_BASE_URL. Playwright cannot download browsers here, so we drive the system
// Chromium (Debian's /usr/bin/chromium); CHROMIUM_PATH overrides it on other machines.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/lib/chromium";

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
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
