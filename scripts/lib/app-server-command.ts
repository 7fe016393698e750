// How to run the built app: Node with tsx loading scripts/serve.ts (Next.js pages plus tRPC served directly).
// npm start, the browser tests and the benchmark all start it this way, so they test what users run.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The command and arguments; pass PORT (and HOSTNAME, optionally) in the environment. */
export function appServerCommand(nodeOptions: string[] = []): [string, string[]] {
  return [process.execPath, [...nodeOptions, "--import", "tsx", path.join(ROOT, "scripts", "serve.ts")]];
}
