// Marks the scripts a page runs at start-up with V8's per-file compile hint, `//# allFunctionsCalledOnLoad`
// as their first line. Chromium (136 and later; Chrome, Edge and Android's WebView on panelists' tablets)
// then compiles every function of such a script on the background thread that streams it, instead of
// compiling each one on the main thread the first time it is called; other browsers read a comment.
//
// Why by hand, after `next build`: neither Next.js nor Turbopack has a setting for it (Turbopack takes no
// plugins, and webpack's BannerPlugin does not apply), and no package does it. Measured on the scoring page
// (mobile Lighthouse, alternated runs on one build, 2026-12-07): total blocking time 87 to 168 ms with the hint
// against 231 to 297 ms without; a CPU profile at 4x slowdown put 188 ms in Turbopack's module loader (`W`,
// compiling React DOM's and the router's factories as they are first called) without it and 1 ms with it.
//
// Only start-up scripts are marked: the framework's (build-manifest's rootMainFiles) and each page's and
// layout's entry chunks (entryJSFiles of the client reference manifests). A chunk loaded later by a dynamic
// import is left alone: most of its functions may never run, and compiling them all would be waste. So is a
// script under MIN_HINTED_BYTES: the hint adds about 21 bytes to each script's gzip, and the scoring page's
// first-load budget (150 KB) had about 130 bytes to spare, less than its nine start-up scripts would take. Its
// four of 32 KB and more (React DOM, the router, React with Next.js's shared parts, the page's own code) carry
// it; of the 188 ms the profile put in the module loader without any hint, about 25 ms stay (10 ms with every
// script of 16 KB and more hinted, which leaves the page 8 bytes under its budget).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";
export const MIN_HINTED_BYTES = 32 * 1024;

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

function clientReferenceManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith("_client-reference-manifest.js"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The build's start-up scripts, as paths relative to the build folder ("static/chunks/….js"), sorted. */
export function startupScripts(distDir: string): string[] {
  const files = new Set<string>();
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  for (const file of buildManifest.rootMainFiles ?? []) files.add(file);
  for (const manifestFile of clientReferenceManifests(path.join(distDir, "server", "app"))) {
    // Each is a script that assigns globalThis.__RSC_MANIFEST[route]; run in a context of its own.
    const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
    vm.runInNewContext(readFileSync(manifestFile, "utf8"), context, { filename: manifestFile, timeout: 1000 });
    for (const manifest of Object.values(context.__RSC_MANIFEST ?? {})) {
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk);
    }
  }
  return [...files].filter((file) => file.endsWith(".js")).sort();
}

/**
 * A source map of a script that gained one line at its top: the same map one line down. A plain map gets an
 * empty first line (";" in `mappings`); an index map's sections move down one line.
 */
export function shiftSourceMap(map: { mappings?: string; sections?: { offset: { line: number; column: number } }[] }) {
  if (map.sections) return { ...map, sections: map.sections.map((section) => ({ ...section, offset: { ...section.offset, line: section.offset.line + 1 } })) };
  return { ...map, mappings: `;${map.mappings ?? ""}` };
}

/**
 * Adds the hint to each start-up script of the build in `distDir` of at least MIN_HINTED_BYTES that lacks it
 * (so running it twice changes nothing), and moves the script's source map, if the build wrote one, down the same line.
 */
export function addCompileHints(distDir: string): { marked: string[]; alreadyMarked: string[]; small: string[] } {
  const marked: string[] = [];
  const alreadyMarked: string[] = [];
  const small: string[] = [];
  for (const file of startupScripts(distDir)) {
    const full = path.join(distDir, file);
    if (!existsSync(full)) throw new Error(`${file} is named by the build's manifests but is not in ${distDir}.`);
    const source = readFileSync(full, "utf8");
    if (Buffer.byteLength(source) < MIN_HINTED_BYTES) {
      small.push(file);
      continue;
    }
    if (source.startsWith(COMPILE_HINT)) {
      alreadyMarked.push(file);
      continue;
    }
    writeFileSync(full, `${COMPILE_HINT}\n${source}`);
    const mapFile = `${full}.map`;
    if (existsSync(mapFile)) writeFileSync(mapFile, JSON.stringify(shiftSourceMap(JSON.parse(readFileSync(mapFile, "utf8")))));
    marked.push(file);
  }
  return { marked, alreadyMarked, small };
}
