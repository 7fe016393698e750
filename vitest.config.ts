import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/integration/worker-count";

const alias = {
  "@": path.resolve(import.meta.dirname, "src"),
  // Next's marker package throws outside a React Server Components build; tests run server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/empty-module.ts"),
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
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["src/**/*.int.test.ts", "scripts/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          // One Postgres per run with a database per fork (tests/integration/workers.ts); the files a fork
          // runs share its database and keep apart by creating their own organisations.
          maxWorkers: integrationWorkers(),
          fileParallelism: integrationWorkers() > 1,
          // Files share one module graph: each file re-importing Prisma, the services and the app's schemas
          // cost 80 s of a 370 s run on CI's two cores. Files keep apart by their own organisations (see
          // above); the whole suite passes in a shuffled file order too.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
