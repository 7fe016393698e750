// Question banks imported from the files hiring teams have: a Word document and an Excel sheet through the
// preview and confirm procedures (the sheet's column mapping remembered for the organisation), and the
// command line, which refuses to write while an entry has an error and names its row and column.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { articleToDocx, entriesToRows, rowsToXlsx } from "@/lib/bank-article/formats/write-format-fixtures";
import { db } from "@/server/db";
import { callerFor, createOrganization, unique } from "./factories";
import { workerDatabaseUrl } from "./workers";

const run = promisify(execFile);
const databaseUrl = workerDatabaseUrl();
const tsx = path.resolve("node_modules/.bin/tsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "bank-import-formats-"));
const article = readFileSync("seeds/articles/mental-health-specialist.txt", "utf8");
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

async function manager() {
  const { org, members } = await createOrganization(["HIRING_MANAGER"]);
  return { org, caller: callerFor(members.HIRING_MANAGER.userId) };
}

/** The mental-health entries as the plain-text import reads them, for the sheets. */
async function plainEntries(caller: ReturnType<typeof callerFor>) {
  return (await caller.bankAdmin.previewImport({ source: article })).questions;
}

describe("bank import in more formats", () => {
  it("a Word document previews as the 23 questions of its article and imports them into a new bank", async () => {
    const { org, caller } = await manager();
    const preview = await caller.bankAdmin.previewImportFile({ fileName: "Mental health.docx", content: base64(await articleToDocx(article)) });
    expect(preview.format).toBe("docx");
    expect(preview.lineNote).toMatch(/Word document has no line numbers/);
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(preview.questions.map((q) => q.text)).toEqual((await plainEntries(caller)).map((q) => q.text));

    const name = unique("From Word");
    const result = await caller.bankAdmin.confirmImport({
      target: { newBank: { name } },
      source: preview.title ?? undefined,
      questions: preview.questions.map((q) => ({ ...q, text: q.text!, competencySlugs: q.competencies, entry: q.index })),
    });
    expect(result.imported).toBe(23);
    const bank = await caller.bankAdmin.ownBank({ id: result.bankId });
    expect(bank.questions.map((q) => q.text)).toEqual(preview.questions.map((q) => q.text));
    expect(await db().auditEvent.count({ where: { orgId: org.id, action: "bank.imported", entityId: result.bankId } })).toBe(1);
  });

  it("an Excel sheet is mapped by the person, imported, and its mapping offered next time", async () => {
    const { org, caller } = await manager();
    const rows = entriesToRows((await plainEntries(caller)).slice(0, 3));
    const headers = ["Q", "Purpose", "Interviewer notes", "Sample answer", "Skills"];
    const content = base64(await rowsToXlsx(rows, headers));

    const guessed = await caller.bankAdmin.previewImportFile({ fileName: "bank.xlsx", content });
    expect(guessed.columns?.mapping).toMatchObject({ text: null, assesses: "Purpose", howToAnswer: null, exampleAnswer: "Sample answer" });
    expect(guessed.problems).toContainEqual(expect.objectContaining({ severity: "error", where: "the column mapping" }));

    const mapping = { text: "Q", assesses: "Purpose", howToAnswer: "Interviewer notes", exampleAnswer: "Sample answer", competencies: "Skills" };
    const mapped = await caller.bankAdmin.previewImportFile({ fileName: "bank.xlsx", content, mapping });
    expect(mapped.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(mapped.questions[1]).toMatchObject({ line: 3, text: rows[1]![0], howToAnswer: rows[1]![2] });

    await caller.bankAdmin.confirmImport({
      target: { newBank: { name: unique("From Excel") } },
      mapping,
      questions: mapped.questions.map((q) => ({ ...q, text: q.text!, competencySlugs: q.competencies })),
    });
    expect((await db().organization.findUniqueOrThrow({ where: { id: org.id } })).bankImportMapping).toEqual(mapping);
    const again = await caller.bankAdmin.previewImportFile({ fileName: "next.xlsx", content });
    expect(again.columns?.mapping).toEqual(mapping);
  });

  it("refuses a file that is not what its name says, with the reason on the file field", async () => {
    const { caller } = await manager();
    await expect(caller.bankAdmin.previewImportFile({ fileName: "bank.docx", content: base64(new TextEncoder().encode("plain words")) })).rejects.toThrow(
      /not a Word document \(\.docx\): it is not a zip package/,
    );
  });

  it("the command line reads a Word document and refuses to write a sheet with an error, naming its row and column", async () => {
    const { org, caller } = await manager();
    const docx = path.join(tmp, "bank.docx");
    writeFileSync(docx, await articleToDocx(article));
    const dry = await run(tsx, ["scripts/bank-import.ts", docx, "--dry-run", "--json"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    const out = JSON.parse(dry.stdout) as { questions: Record<string, unknown>[] };
    expect(out.questions).toHaveLength(23);
    expect(Object.keys(out.questions[0]!).sort()).toEqual(["assesses", "competencies", "exampleAnswer", "howToAnswer", "text"]);

    const rows = entriesToRows((await plainEntries(caller)).slice(0, 4));
    rows[2]![2] = ""; // the third question (row 4) loses its guidance
    const xlsx = path.join(tmp, "broken.xlsx");
    writeFileSync(xlsx, await rowsToXlsx(rows));
    const failed = await run(tsx, ["scripts/bank-import.ts", xlsx, "--org", org.slug, "--bank", "Broken sheet"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect("code" in failed && failed.code).toBe(1);
    expect(failed.stderr).toContain("Nothing was imported");
    expect(failed.stderr).toContain("row 4, column C (“Guidance”): Entry 3 has no “What a good answer covers”.");
    expect(await db().questionBank.count({ where: { orgId: org.id } })).toBe(0);
  }, 60_000);
});
