import { afterEach, describe, expect, it, vi } from "vitest";
import { findFreePort } from "../../scripts/lib/embedded-db";
import { workerDatabaseUrl } from "./workers";

const globalForPrisma = globalThis as unknown as { panelkitPrisma?: { $disconnect(): Promise<void> } };

async function healthWith(databaseUrl: string) {
  await globalForPrisma.panelkitPrisma?.$disconnect();
  globalForPrisma.panelkitPrisma = undefined;
  process.env.DATABASE_URL = databaseUrl;
  vi.resetModules();
  const { GET } = await import("@/app/api/health/route");
  const response = await GET();
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  afterEach(async () => {
    await globalForPrisma.panelkitPrisma?.$disconnect();
    globalForPrisma.panelkitPrisma = undefined;
    process.env.DATABASE_URL = workerDatabaseUrl();
  });

  it("answers 200 with db ok when the database answers", async () => {
    expect(await healthWith(workerDatabaseUrl())).toEqual({ status: 200, body: { status: "ok", db: "ok" } });
  });

  it("answers 503 with db down, quickly, when the database is unreachable", async () => {
    const deadPort = await findFreePort();
    const started = Date.now();
    const result = await healthWith(`postgresql://nobody:nothing@127.0.0.1:${deadPort}/none`);
    expect(result).toEqual({ status: 503, body: { status: "degraded", db: "down" } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
