// The bank:import command, run as a user runs it, against the test database.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization } from "./factories";
import { workerDatabaseUrl } from "./workers";

const run = promisify(execFile);
const databaseUrl = workerDatabaseUrl();
const tsx = path.resolve("node_modules/.bin/tsx");

async function bankImport(args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ["scripts/bank-import.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "bank-import-"));

describe("npm run bank:import", () => {
  it("--dry-run --json prints every question with its parts and suggested competencies, and writes nothing", async () => {
    const banksBefore = await db().questionBank.count();
    const { code, stdout } = await bankImport(["seeds/articles/mental-health-specialist.txt", "--dry-run", "--json"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { questions: Record<string, unknown>[]; problems: unknown[] };
    expect(out.questions).toHaveLength(23);
    for (const q of out.questions) {
      expect(Object.keys(q).sort()).toEqual(["assesses", "competencies", "exampleAnswer", "howToAnswer", "text"]);
      expect((q.competencies as string[]).length).toBeGreaterThanOrEqual(1);
    }
    expect(out.problems).toEqual([]);
    expect(await db().questionBank.count()).toBe(banksBefore);
  }, 60_000);

  it("imports an article into one organisation's bank, visible to that organisation only", async () => {
    const mine = await createOrganization(["HIRING_MANAGER"]);
    const other = await createOrganization(["HIRING_MANAGER"]);
    const { code, stdout, stderr } = await bankImport([
      "seeds/articles/mental-health-specialist.txt",
      "--org",
      mine.org.slug,
      "--bank",
      "MHS copy",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain('Imported "MHS copy" with 23 questions.');
    const mineBanks = await callerFor(mine.members.HIRING_MANAGER.userId).banks.list();
    const copy = mineBanks.find((b) => b.name === "MHS copy");
    expect(copy).toMatchObject({ builtIn: false, questionCount: 23 });
    const otherBanks = await callerFor(other.members.HIRING_MANAGER.userId).banks.list();
    expect(otherBanks.map((b) => b.name)).not.toContain("MHS copy");
    const audit = await db().auditEvent.findFirst({ where: { orgId: mine.org.id, action: "bank.imported" } });
    expect(audit?.entityId).toBe(copy!.id);
  }, 60_000);

  it("refuses a broken article, names the problem lines, and writes nothing", async () => {
    const lines = readFileSync("seeds/articles/mental-health-specialist.txt", "utf8").split("\n");
    const howIndex = lines.findIndex((l, i) => i > 40 && l.startsWith("How to Answer:"));
    lines.splice(howIndex, 1); // one entry loses its guidance
    const broken = path.join(tmp, "broken.txt");
    writeFileSync(broken, lines.join("\n"));
    const org = await createOrganization(["ADMIN"]);
    const { code, stdout, stderr } = await bankImport([broken, "--org", org.org.slug, "--bank", "Broken"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/error at line \d+: .*How to Answer/i);
    expect(stderr).toContain("Nothing was imported");
    expect(await db().questionBank.count({ where: { orgId: org.org.id } })).toBe(0);
  }, 60_000);

  it("explains a missing file instead of crashing", async () => {
    const { code, stderr } = await bankImport([path.join(tmp, "nope.txt"), "--dry-run"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Cannot read .*nope\.txt: ENOENT/);
  }, 60_000);
});
