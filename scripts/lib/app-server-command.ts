// How to run the app: Node with tsx loading scripts/serve.ts (Next.js pages plus tRPC served directly).
// npm start, npm run dev, the browser tests and the benchmark all start it this way, so they test what users run.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The command and arguments; pass PORT (and HOSTNAME, optionally) in the environment. `dev` serves the pages
 * from Next.js's development server instead of the build (set NODE_ENV=development).
 */
export function appServerCommand(nodeOptions: string[] = [], { dev = false }: { dev?: boolean } = {}): [string, string[]] {
  return [process.execPath, [...nodeOptions, "--import", "tsx", path.join(ROOT, "scripts", "serve.ts"), ...(dev ? ["--dev"] : [])]];
}
