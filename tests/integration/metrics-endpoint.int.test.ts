// /api/metrics when it is off or the token is wrong (the browser tests scrape it over HTTP when it's on).
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";

const saved = process.env.METRICS_TOKEN;
afterEach(() => {
  if (saved === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = saved;
});

const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

describe("/api/metrics", () => {
  it("does not exist (404) unless METRICS_TOKEN is set", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await scrape("Bearer anything-at-all-really")).status).toBe(404);
  });

  it("needs the bearer token, and then reports the queue depth by task and state from the database", async () => {
    process.env.METRICS_TOKEN = "integration-metrics-token";
    const refused = await scrape("Bearer integration-metrics-tokeN");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect((await scrape("integration-metrics-token")).status).toBe(401);
    const ok = await scrape("Bearer integration-metrics-token");
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toContain("# HELP panelkit_jobs Jobs in the queue by task and state");
    expect(text).toMatch(/^panelkit_db_pool_connections\{state="total"\} \d+$/m);
  });
});
