// The production build: `next build` (its arguments passed on), then V8's compile hint on the larger scripts
// pages run at start-up (scripts/lib/compile-hints.ts). `npm run build`, npm start, npm test, the benchmark
// and the Dockerfile all build through this script, so no build reaches a browser without the hint.
import { spawn } from "node:child_process";
import path from "node:path";
import { distDir } from "./lib/build-state";
import { addCompileHints, MIN_HINTED_BYTES } from "./lib/compile-hints";

const ROOT = path.resolve(import.meta.dirname, "..");
const next = path.join(ROOT, "node_modules", ".bin", "next");

const code = await new Promise<number>((resolve) => {
  const child = spawn(next, ["build", ...process.argv.slice(2)], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  child.on("error", (error) => {
    console.error(`Could not run next build: ${error.message}`);
    resolve(1);
  });
});
if (code !== 0) process.exit(code);

const { marked, alreadyMarked, small } = addCompileHints(distDir());
console.log(`Compile hint added to ${marked.length} start-up scripts${alreadyMarked.length ? ` (${alreadyMarked.length} had it)` : ""}; ${small.length} under ${MIN_HINTED_BYTES / 1024} KB left as they were.`);
