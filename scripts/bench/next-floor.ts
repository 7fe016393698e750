// pages.lighthouse_mobile's floor: a bare Next.js page (scripts/bench/next-floor: a root layout, a server-rendered
// heading and paragraph, no client component) built with the project's own next and react, sent with the app's
// security headers and served by `next start`, so Lighthouse shows what the framework alone costs a tablet on load.
// Built with webpack (`next build --webpack`): Turbopack takes the repository, where the lockfile is, as its
// root and compiles the app's own src/proxy.ts and src/instrumentation.ts into the floor. The app is built with
// Turbopack. The build goes to .next-bench-floor at the repository's root (Next wants it inside the workspace;
// gitignored, and outside typecheck and lint as every .next-* folder is).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { SECURITY_HEADERS } from "../../src/server/http/security-headers";
import { nextBuildIsStale } from "../lib/build-state";
import { findFreePort } from "../lib/embedded-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FLOOR_APP = path.join(import.meta.dirname, "next-floor");
const FLOOR_DIST = path.join(ROOT, ".next-bench-floor");
const NEXT = path.join(ROOT, "node_modules", ".bin", "next");

/**
 * The app's own response headers go on the floor page too (next-floor/next.config.ts reads them from here), so
 * the floor pays what they cost a first load. Cross-Origin-Opener-Policy is the one Lighthouse sees: it starts
 * from about:blank, and a page sent with the header opens in a new browsing context group, in a renderer
 * process of its own that has done nothing yet, where a page without it reuses about:blank's. On this machine
 * the header alone moved the bare page from a median TBT of about 210 ms to about 450 ms. A panelist's first
 * visit (a link, a bookmark, the address bar) starts a fresh renderer either way.
 */
const floorEnv = (env: NodeJS.ProcessEnv) => ({ ...env, PANELKIT_FLOOR_HEADERS: JSON.stringify(SECURITY_HEADERS) });

function floorIsStale(): boolean {
  // next and react come with the lockfile: a new version rebuilds the floor too.
  const inputs = ["app", "next.config.ts", "tsconfig.json"].map((entry) => path.join(FLOOR_APP, entry));
  // The app's security headers are the floor's too (next-floor/next.config.ts).
  const shared = ["package-lock.json", "src/server/http/security-headers.ts"].map((file) => path.join(ROOT, file));
  return nextBuildIsStale(FLOOR_DIST, [...inputs, ...shared]);
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

/** Builds the floor page unless its build is newer than its sources (takes about 30 s on two cores). */
export async function buildNextFloor(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  if (!floorIsStale()) return;
  log(`Building the bare Next.js floor page (scripts/bench/next-floor, webpack) into ${path.relative(ROOT, FLOOR_DIST)}...`);
  const child = spawn(NEXT, ["build", "--webpack", FLOOR_APP], { cwd: ROOT, env: floorEnv(env), stdio: ["ignore", "ignore", "inherit"] });
  if ((await exitCode(child)) !== 0) throw new Error("The floor page's build failed; see above.");
}

export type NextFloor = { baseUrl: string; stop: () => Promise<void> };

/** `next start` on the built floor page, on a free port; resolves once the page answers. */
export async function startNextFloor(env: NodeJS.ProcessEnv): Promise<NextFloor> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(NEXT, ["start", FLOOR_APP, "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    env: floorEnv(env),
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
