// Prisma CLI configuration. The native schema engine can't be downloaded on our machines, so
// generate/validate/format run with a stub that refuses migration commands loudly; migrations are
// applied by scripts/db-migrate.ts through the WebAssembly schema engine instead.
import path from "node:path";
import { defineConfig } from "prisma/config";

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve("scripts/prisma-engine-stub.sh");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
