import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, MIN_HINTED_BYTES, shiftSourceMap, startupScripts } from "./compile-hints";

// A build folder shaped as `next build` writes one: the framework's scripts in build-manifest.json, each
// page's entry chunks in its client reference manifest, and a chunk only a dynamic import loads.
let dist: string;
const chunk = (name: string) => path.join(dist, "static", "chunks", name);
const manifest = (route: string, entryJSFiles: Record<string, string[]>) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(route)}] = ${JSON.stringify({ moduleLoading: { prefix: "" }, clientModules: {}, entryJSFiles })};\n`;

beforeEach(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), "panelkit-hints-"));
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  mkdirSync(path.join(dist, "server", "app", "(app)", "interviews", "[id]", "score"), { recursive: true });
  mkdirSync(path.join(dist, "server", "app", "signin"), { recursive: true });
  writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify({ polyfillFiles: ["static/chunks/polyfills.js"], rootMainFiles: ["static/chunks/react-dom.js", "static/chunks/turbopack-runtime.js"] }));
  writeFileSync(
    path.join(dist, "server", "app", "(app)", "interviews", "[id]", "score", "page_client-reference-manifest.js"),
    manifest("/(app)/interviews/[id]/score/page", { "[project]/src/app/layout": ["static/chunks/layout.js"], "[project]/src/app/(app)/interviews/[id]/score/page": ["static/chunks/layout.js", "static/chunks/scoring.js", "static/chunks/lazy-stubs.js", "static/chunks/scoring.css"] }),
  );
  writeFileSync(path.join(dist, "server", "app", "signin", "page_client-reference-manifest.js"), manifest("/signin/page", { "[project]/src/app/signin/page": ["static/chunks/layout.js", "static/chunks/signin.js"] }));
  // Every script big enough to be marked but the lazy-loading stubs, a start-up script too small to be worth it.
  const turbopackModule = (name: string, i: number) => `${i},(e,t,n)=>{"use strict";e.s(["f",0,function(){return ${JSON.stringify(`${name} ${i}`)}}])}`;
  for (const name of ["polyfills.js", "react-dom.js", "turbopack-runtime.js", "layout.js", "scoring.js", "signin.js", "spreadsheet-reader.js", "lazy-stubs.js"]) {
    const modules = name === "lazy-stubs.js" ? [turbopackModule(name, 1)] : Array.from({ length: 700 }, (_, i) => turbopackModule(name, i));
    writeFileSync(chunk(name), `(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,${modules.join(",")}]);`);
  }
  writeFileSync(`${chunk("scoring.js")}.map`, JSON.stringify({ version: 3, sources: ["src/scoring.tsx"], names: [], mappings: "AAAA,SAAS;AACT" }));
});

afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe("compile hints on the build's start-up scripts", () => {
  it("finds the framework's scripts and every page's entry chunks, not the polyfills, stylesheets or lazily loaded chunks", () => {
    expect(startupScripts(dist)).toEqual(["static/chunks/layout.js", "static/chunks/lazy-stubs.js", "static/chunks/react-dom.js", "static/chunks/scoring.js", "static/chunks/signin.js", "static/chunks/turbopack-runtime.js"]);
  });

  it("puts the hint on the first line of each big enough to gain from it, leaves the others as they were, and changes nothing when run again", () => {
    const before = readFileSync(chunk("scoring.js"), "utf8");
    expect(Buffer.byteLength(before)).toBeGreaterThanOrEqual(MIN_HINTED_BYTES);
    const first = addCompileHints(dist);
    expect(first.marked).toHaveLength(5);
    expect(first.small).toEqual(["static/chunks/lazy-stubs.js"]);
    expect(readFileSync(chunk("scoring.js"), "utf8")).toBe(`${COMPILE_HINT}\n${before}`);
    for (const name of ["spreadsheet-reader.js", "polyfills.js", "lazy-stubs.js"]) expect(readFileSync(chunk(name), "utf8").startsWith("//")).toBe(false);

    const again = addCompileHints(dist);
    expect(again.marked).toEqual([]);
    expect(again.alreadyMarked).toHaveLength(5);
    expect(readFileSync(chunk("scoring.js"), "utf8")).toBe(`${COMPILE_HINT}\n${before}`);
  });

  it("moves a script's source map down the line the hint takes, so stack traces still point at the right source line", () => {
    addCompileHints(dist);
    expect(JSON.parse(readFileSync(`${chunk("scoring.js")}.map`, "utf8")).mappings).toBe(";AAAA,SAAS;AACT");
    const indexMap = shiftSourceMap({ sections: [{ offset: { line: 0, column: 0 } }, { offset: { line: 3, column: 5 } }] });
    expect(indexMap.sections?.map((section) => section.offset)).toEqual([{ line: 1, column: 0 }, { line: 4, column: 5 }]);
  });

  it("refuses a build whose manifests name a script that is not there", () => {
    rmSync(chunk("signin.js"));
    expect(() => addCompileHints(dist)).toThrow("static/chunks/signin.js is named by the build's manifests but is not in");
  });
});
