// pages.lighthouse_mobile's floor: a bare Next.js page (scripts/bench/next-floor: a root layout, a server-rendered
// heading and paragraph, no client component) built with the project's own next and react and served by
// `next start`, so Lighthouse shows what the framework alone costs a tablet on load.
// Built with webpack (`next build --webpack`): Turbopack takes the repository, where the lockfile is, as its
// root and compiles the app's own src/proxy.ts and src/instrumentation.ts into the floor. The app is built with
// Turbopack. The build goes to .next-bench-floor at the repository's root (Next wants it inside the workspace;
// gitignored, and outside typecheck and lint as every .next-* folder is).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { nextBuildIsStale } from "../lib/build-state";
import { findFreePort } from "../lib/embedded-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FLOOR_APP = path.join(import.meta.dirname, "next-floor");
const FLOOR_DIST = path.join(ROOT, ".next-bench-floor");
const NEXT = path.join(ROOT, "node_modules", ".bin", "next");

function floorIsStale(): boolean {
  // next and react come with the lockfile: a new version rebuilds the floor too.
  const inputs = ["app", "next.config.ts", "tsconfig.json"].map((entry) => path.join(FLOOR_APP, entry));
  return nextBuildIsStale(FLOOR_DIST, [...inputs, path.join(ROOT, "package-lock.json")]);
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

/** Builds the floor page unless its build is newer than its sources (takes about 30 s on two cores). */
export async function buildNextFloor(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  if (!floorIsStale()) return;
  log(`Building the bare Next.js floor page (scripts/bench/next-floor, webpack) into ${path.relative(ROOT, FLOOR_DIST)}...`);
  const child = spawn(NEXT, ["build", "--webpack", FLOOR_APP], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  if ((await exitCode(child)) !== 0) throw new Error("The floor page's build failed; see above.");
}

export type NextFloor = { baseUrl: string; stop: () => Promise<void> };

/** `next start` on the built floor page, on a free port; resolves once the page answers. */
export async function startNextFloor(env: NodeJS.ProcessEnv): Promise<NextFloor> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(NEXT, ["start", FLOOR_APP, "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = exitCode(child);
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // gone
    }
  };
  process.once("exit", () => kill("SIGKILL"));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    kill("SIGTERM");
    const timer = setTimeout(() => kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("The floor page's server exited early; see its output above.");
    const ok = await fetch(`${baseUrl}/`).then((r) => r.ok, () => false);
    if (ok) return { baseUrl, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`The floor page at ${baseUrl}/ did not answer within 60 s`);
}
