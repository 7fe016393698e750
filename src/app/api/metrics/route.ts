// Prometheus metrics. Off (404, as if it did not exist) unless METRICS_TOKEN is set; then the scraper must
// send `Authorization: Bearer <METRICS_TOKEN>`.
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/env";
import { registerScrapeGauges } from "@/server/metrics/collect-gauges";
import { metrics } from "@/server/metrics/registry";

export const dynamic = "force-dynamic";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function GET(request: Request) {
  const token = serverEnv().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  const given = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? "";
  if (!sameToken(given, token)) {
    return new Response("A bearer token is required.", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  registerScrapeGauges();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
