import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { builtinContentFingerprint } from "./prepare-database";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "panelkit-fingerprint-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe("builtinContentFingerprint", () => {
  const base = {
    "seeds/competencies.json": "[]",
    "seeds/banks/support.json": "{}",
    "src/server/services/seed/seed-builtin-content.ts": "export {}",
  };

  it("is the same for the same content, so an unchanged install skips re-seeding", () => {
    expect(builtinContentFingerprint(project(base))).toBe(builtinContentFingerprint(project(base)));
  });

  it("changes when a seed file or the seeding code changes, or a bank is added", () => {
    const before = builtinContentFingerprint(project(base));
    expect(builtinContentFingerprint(project({ ...base, "seeds/competencies.json": "[{}]" }))).not.toBe(before);
    expect(builtinContentFingerprint(project({ ...base, "src/server/services/seed/seed-builtin-content.ts": "export {};" }))).not.toBe(before);
    expect(builtinContentFingerprint(project({ ...base, "seeds/banks/crisis.json": "{}" }))).not.toBe(before);
  });

  it("ignores the seeding code's tests", () => {
    const before = builtinContentFingerprint(project(base));
    expect(builtinContentFingerprint(project({ ...base, "src/server/services/seed/seed-files.test.ts": "test" }))).toBe(before);
  });
});
