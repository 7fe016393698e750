// The app server process (npm start runs it; so do the browser tests and the benchmark): Next.js for pages
// plus tRPC served directly, on PORT (default 3000) and HOSTNAME (default all interfaces). Run with
// `node --import tsx scripts/serve.ts` after `npm run build` (scripts/build.ts), or with `--dev` (npm run dev) for Next.js's
// development server in the same process: tRPC then takes the very path it takes in production.
import path from "node:path";
import { allowServerOnlyImports } from "./lib/allow-server-only";

// `server-only` exists to keep server modules out of browser bundles; it throws when imported outside
// React Server Components' resolution. This process is the server, so the marker resolves to nothing
// (for the modules imported below, after the call).
allowServerOnlyImports();

const ROOT = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const dev = process.argv.includes("--dev");

const { startAppServer } = await import("../src/server/http/app-server");
const { logger } = await import("../src/server/log/logger");
const { stopAppJobs } = await import("../src/server/jobs/start-job-runner");
const server = await startAppServer({ dir: ROOT, port, hostname, dev });
logger.info({ port }, `Serving on http://${hostname ?? "localhost"}:${port}`);

function stop() {
  // Running jobs get to finish; queued ones wait in the database for the next instance.
  server.close(() => void stopAppJobs().finally(() => process.exit(0)));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
