import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { backupLines } from "./backup-file";

describe("backupLines", () => {
  it("keeps a character whose bytes fall on both sides of a decompressed chunk's edge", async () => {
    // gunzip hands out 16 KiB chunks: put the three bytes of an em dash (and the two of "é") across the edges.
    const text = [`${"a".repeat(16_383)}— answered calmly`, `${"b".repeat(16_383 - 1)}é and more`, "last"].join("\n");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "panelkit-backup-lines-")), "lines.gz");
    writeFileSync(file, gzipSync(Buffer.from(text, "utf8")));
    const lines: string[] = [];
    for await (const line of backupLines(file)) lines.push(line);
    expect(lines).toEqual(text.split("\n"));
  });
});
