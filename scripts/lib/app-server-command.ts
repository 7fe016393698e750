// How to run the built app: Node with tsx loading scripts/serve.ts (Next.js pages plus tRPC served directly).
// npm start, the browser tests and the benchmark all start it this way, so they test what users run.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * A larger young generation than V8's default 16 MB semi-space. Under the benchmark's save load the default
 * scavenged 3.4 times a second in the open loop (6 ms each) and 9.7 times a second in the closed loop (9 ms
 * each: 9% of the time), promoting short-lived request garbage into an old generation that grew to 500 MB
 * between full collections. At 64 MB (--trace-gc, same scenarios): 0.8 and 2.6 scavenges a second, 12 and
 * 15 ms each, about half the total pause time (open loop 647 → 310 ms, closed loop 2,667 → 976 ms per 30 s).
 */
const V8_OPTIONS = ["--max-semi-space-size=64"];

/** The command and arguments; pass PORT (and HOSTNAME, optionally) in the environment. */
export function appServerCommand(nodeOptions: string[] = []): [string, string[]] {
  return [process.execPath, [...V8_OPTIONS, ...nodeOptions, "--import", "tsx", path.join(ROOT, "scripts", "serve.ts")]];
}
