// Whether the production build is missing or older than its sources (npm start and npm run bench build then).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** The build folder in use: NEXT_DIST_DIR (relative to the project) or .next. */
export function distDir(): string {
  return path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");
}

/** Whether the Next.js build in `buildDir` is missing or older than any of `inputs` (absolute paths, files or folders). */
export function nextBuildIsStale(buildDir: string, inputs: string[]): boolean {
  const buildId = path.join(buildDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

export function buildIsStale(): boolean {
  const inputs = ["src", "public", "next.config.ts", "package.json", "postcss.config.mjs", "prisma/schema.prisma", "scripts/build.ts", "scripts/lib/compile-hints.ts"];
  return nextBuildIsStale(distDir(), inputs.map((input) => path.join(ROOT, input)));
}
