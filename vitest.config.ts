import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/integration/worker-count";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next's marker package throws outside a React Server Components build; tests run server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/empty-module.ts"),
};

/** Integration files whose tests time one large operation once (not a best of several): see integration-timed. */
const TIMED_INTEGRATION_FILES = ["tests/integration/candidate-import.int.test.ts"];

const integration = {
  environment: "node" as const,
  include: ["src/**/*.int.test.ts", "scripts/**/*.int.test.ts", "tests/**/*.int.test.ts"],
  globalSetup: ["tests/integration/global-setup.ts"],
  setupFiles: ["tests/integration/setup-env.ts"],
  // Files share one module graph: each file re-importing Prisma, the services and the app's schemas cost 80 s
  // of a 370 s run on CI's two cores. Files keep apart by their own organisations (each fork has a database
  // of its own, tests/integration/workers.ts); the whole suite passes in a shuffled file order too.
  isolate: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          // Pure tests share one module graph: isolating each file cost 38 s against 12 s on this machine;
          // the suite passes in shuffled file orders too.
          isolate: false,
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          sequence: { groupOrder: 0 },
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          exclude: [...TIMED_INTEGRATION_FILES, "node_modules/**"],
          maxWorkers: integrationWorkers(),
          fileParallelism: integrationWorkers() > 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration-timed",
          include: TIMED_INTEGRATION_FILES,
          // After the forks are done, alone: these files hold one bulk operation to a time a person would
          // notice, and a neighbouring fork on two cores made a 1 s import take 6 to 15 s.
          maxWorkers: 1,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
