// Candidate import against a real Postgres: problems and duplicates in the preview, the three duplicate
// choices, one transaction, one audit event, the remembered mapping, idempotency (also for an import slower
// than the key's own wait, and for a file imported again without emails) and a 10,000-row file.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ImportMapping } from "@/lib/schemas/candidate-import";
import { db } from "@/server/db";
import { createOnceSettings } from "@/server/services/_shared/create-once";
import { importLockKey } from "@/server/services/candidates/_shared/candidacy";
import { callerFor, createCandidateRecord, createOrganization, unique, vacancyFor } from "./factories";

const file = (csv: string, name = "candidates.csv") => ({ name, base64: Buffer.from(csv, "utf8").toString("base64") });

async function importWorld() {
  const { org, members } = await createOrganization(["HIRING_MANAGER", "INTERVIEWER"]);
  const manager = callerFor(members.HIRING_MANAGER.userId);
  const designer = await vacancyFor(org.id, { title: "Product Designer" });
  const engineer = await vacancyFor(org.id, { title: "Site Engineer" });
  return { org, members, manager, designer, engineer };
}

const candidatesOf = (orgId: string) =>
  db().candidate.findMany({
    where: { orgId },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: { name: true, email: true, phone: true, notes: true, vacancyId: true, stageId: true, personId: true },
  });

describe("candidate import", () => {
  it("previews every row's problems and the organisation's candidates with the same email", async () => {
    const { org, manager, designer, engineer } = await importWorld();
    const other = await createOrganization(["ADMIN"]);
    const foreignVacancy = await vacancyFor(other.org.id, { title: "Foreign" });
    await createCandidateRecord(org.id, { name: "Ada Existing", email: "ada@example.com", vacancyId: designer.vacancyId, stageId: designer.stageId });
    const csv = [
      "Full name,E-mail,Job",
      "Ada Lovelace,ADA@example.com,Product Designer",
      "Bad Email,not-an-email,Product Designer",
      ",nameless@example.com,Site Engineer",
      `Foreign Row,f@example.com,${foreignVacancy.vacancyId}`,
      "Twice,twice@example.com,Site Engineer",
      "Twice Again,twice@example.com,Site Engineer",
      "Clean,clean@example.com,site engineer",
    ].join("\n");
    const preview = await manager.candidateImport.preview({ file: file(csv) });
    expect(preview.mapping).toEqual({ name: "Full name", email: "E-mail", phone: null, vacancy: "Job", notes: null });
    expect(preview.counts).toEqual({ rows: 7, ready: 3, withProblems: 4, duplicates: 1 });
    const byRow = new Map(preview.rows.map((row) => [row.rowNumber, row]));
    expect(byRow.get(2)?.existing).toEqual([expect.objectContaining({ name: "Ada Existing", vacancyTitle: "Product Designer" })]);
    // Problems are facts the page words (validate-rows.test.ts checks the words).
    expect(byRow.get(3)?.problems).toEqual([{ field: "email", key: "emailInvalid", values: {} }]);
    expect(byRow.get(4)?.problems).toEqual([{ field: "name", key: "nameMissing", values: {} }]);
    // Another organisation's vacancy id reads as unknown: its existence is not confirmed.
    expect(byRow.get(5)?.problems).toEqual([{ field: "vacancy", key: "noSuchVacancy", values: { vacancy: foreignVacancy.vacancyId } }]);
    expect(byRow.get(7)?.problems).toEqual([{ field: "email", key: "sameAsRow", values: { row: "6" } }]);
    expect(byRow.get(8)).toMatchObject({ problems: [], vacancy: "Site Engineer" });
    expect(engineer.vacancyId).toBeTruthy();
    // Nothing was written by the preview.
    expect(await db().candidate.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("answers NOT_FOUND for another organisation's vacancy chosen as the default", async () => {
    const { manager } = await importWorld();
    const other = await createOrganization(["ADMIN"]);
    const foreign = await vacancyFor(other.org.id, { title: "Foreign" });
    const request = { file: file("Name\nAda\n"), defaultVacancyId: foreign.vacancyId };
    await expect(manager.candidateImport.preview(request)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mapping: ImportMapping = { name: "Name", email: null, phone: null, vacancy: null, notes: null };
    await expect(manager.candidateImport.confirm({ ...request, mapping, duplicates: { all: "skip", rows: [] }, skipRows: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("skips, updates or keeps both for duplicates, as chosen per row and for all, in one audited import", async () => {
    const { org, members, manager, designer, engineer } = await importWorld();
    const existing = async (name: string, email: string) => {
      const created = await createCandidateRecord(org.id, { name, email, phone: "0100", notes: "old notes", vacancyId: designer.vacancyId, stageId: designer.stageId });
      return created;
    };
    await existing("Skip Me", "skip@example.com");
    await existing("Update Me", "update@example.com");
    await existing("Keep Me", "keep@example.com");
    await existing("Elsewhere", "elsewhere@example.com");
    const csv = [
      "Name,Email,Phone,Vacancy,Notes",
      "Skip Me Renamed,skip@example.com,0200,Product Designer,new",
      "Update Me Renamed,update@example.com,0200,Product Designer,new notes",
      "Keep Me Too,keep@example.com,,Product Designer,",
      "Elsewhere Too,elsewhere@example.com,,Site Engineer,",
      "Brand New,new@example.com,,Site Engineer,hello",
      "Bad Row,nope,,Site Engineer,",
    ].join("\n");
    const mapping: ImportMapping = { name: "Name", email: "Email", phone: "Phone", vacancy: "Vacancy", notes: "Notes" };
    const request = { file: file(csv), mapping, skipRows: [7] };
    // The row with a problem must be skipped (or fixed) before anything is written.
    await expect(
      manager.candidateImport.confirm({ ...request, skipRows: [], duplicates: { all: "skip", rows: [] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Row 7: Enter a valid email address Correct the file or skip the row." });

    const result = await manager.candidateImport.confirm({
      ...request,
      idempotencyKey: randomUUID(),
      duplicates: { all: "update", rows: [{ rowNumber: 2, choice: "skip" }, { rowNumber: 4, choice: "keepBoth" }] },
    });
    // Created: Keep Me Too (keep both), Elsewhere Too (update: a new candidacy of the same person), Brand New.
    expect(result).toEqual({ created: 3, updated: 1, skipped: 2 });

    const rows = await candidatesOf(org.id);
    const named = (name: string) => rows.filter((row) => row.name === name);
    expect(named("Skip Me")).toHaveLength(1);
    expect(named("Skip Me Renamed")).toHaveLength(0);
    expect(named("Update Me Renamed")).toEqual([
      expect.objectContaining({ email: "update@example.com", phone: "0200", notes: "new notes", vacancyId: designer.vacancyId }),
    ]);
    const [kept] = named("Keep Me");
    const [keptToo] = named("Keep Me Too");
    expect(kept?.notes).toBe("old notes");
    expect(keptToo).toMatchObject({ email: "keep@example.com", vacancyId: designer.vacancyId, stageId: designer.stageId });
    expect(keptToo?.personId).not.toBe(kept?.personId);
    // "Update" for a person without a candidacy for that vacancy adds one, and renames them everywhere.
    const elsewhere = named("Elsewhere Too");
    expect(elsewhere.map((row) => row.vacancyId).sort()).toEqual([designer.vacancyId, engineer.vacancyId].sort());
    expect(new Set(elsewhere.map((row) => row.personId)).size).toBe(1);
    expect(named("Brand New")).toEqual([expect.objectContaining({ notes: "hello", vacancyId: engineer.vacancyId, stageId: engineer.stageId })]);

    const events = await db().auditEvent.findMany({ where: { orgId: org.id, action: "candidate.imported" } });
    expect(events).toEqual([
      expect.objectContaining({ actorId: members.HIRING_MANAGER.userId, data: { created: 3, updated: 1, skipped: 2, rows: 6, format: "csv" } }),
    ]);
    // No contact data in the audit event.
    expect(JSON.stringify(events[0]?.data)).not.toContain("@");
  });

  it("writes nothing when the import fails part-way, and imports once for a double click", async () => {
    const { org, manager, designer } = await importWorld();
    const marker = unique("Explodes");
    const trigger = `fail_import_${randomUUID().replaceAll("-", "")}`;
    // A test-only trigger fails the candidates' INSERT after the people were inserted and the locks taken.
    await db().$executeRawUnsafe(
      `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = '${marker}' THEN RAISE EXCEPTION 'planted failure'; END IF; RETURN NEW; END $$`,
    );
    await db().$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "Candidate" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    const mapping: ImportMapping = { name: "Name", email: "Email", phone: null, vacancy: null, notes: null };
    const request = { mapping, defaultVacancyId: designer.vacancyId, duplicates: { all: "skip" as const, rows: [] }, skipRows: [] };
    const people = () => db().person.count({ where: { orgId: org.id } });
    try {
      const failing = file(`Name,Email\nFirst,first@example.com\n${marker},x@example.com\nLast,last@example.com\n`);
      await expect(manager.candidateImport.confirm({ ...request, file: failing })).rejects.toThrow();
      expect(await candidatesOf(org.id)).toEqual([]);
      expect(await people()).toBe(0);
      expect(await db().auditEvent.count({ where: { orgId: org.id, action: "candidate.imported" } })).toBe(0);
      expect((await db().organization.findUniqueOrThrow({ where: { id: org.id } })).candidateImportMapping).toBeNull();
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "Candidate"`);
      await db().$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    }

    const idempotencyKey = randomUUID();
    const once = { ...request, file: file("Name,Email\nFirst,first@example.com\nLast,last@example.com\n"), idempotencyKey };
    const [first, second] = await Promise.all([manager.candidateImport.confirm(once), manager.candidateImport.confirm(once)]);
    expect(first).toEqual({ created: 2, updated: 0, skipped: 0 });
    expect(second).toEqual(first);
    expect(await candidatesOf(org.id)).toHaveLength(2);
    expect(await db().auditEvent.count({ where: { orgId: org.id, action: "candidate.imported" } })).toBe(1);
  });

  it("records the key in the import's own commit: an import slower than the key's wait is answered, and its repeats get that answer", async () => {
    const { org, manager, designer } = await importWorld();
    const mapping: ImportMapping = { name: "Name", email: "Email", phone: null, vacancy: null, notes: null };
    // "Keep both", so that an import run a second time would add its rows again whatever duplicates it finds.
    const once = {
      file: file("Name,Email\nSlow One,slow.one@example.com\nSlow Two,\n"),
      mapping,
      defaultVacancyId: designer.vacancyId,
      duplicates: { all: "keepBoth" as const, rows: [] },
      skipRows: [],
      idempotencyKey: randomUUID(),
    };
    const send = () => manager.candidateImport.confirm(once).then(
      (result) => result,
      (error: { code?: string; message?: string }) => ({ failed: `${error.code}: ${error.message}` }),
    );
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Another import of the organisation (a colleague's) holds its lock for 2.5 s, past the key's 1 s: the
    // import waits for it, as a large file or a busy organisation makes it wait longer than the key's 30 s.
    let release = () => {};
    let holding = () => {};
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${importLockKey(org.id)}, 0))`;
        holding();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 20_000 },
    );
    const saved = createOnceSettings.keyTransactionTimeoutMs;
    createOnceSettings.keyTransactionTimeoutMs = 1_000;
    try {
      await held;
      const first = send();
      await sleep(300);
      // Sent again while the first still waits (a proxy gave up on it and the person pressed Import again).
      const resent = send();
      await sleep(2_200);
      release();
      await holder;
      const answers = await Promise.all([first, resent]);
      // Pressed once more after it all ended.
      answers.push(await send());
      expect(await candidatesOf(org.id), JSON.stringify(answers)).toHaveLength(2);
      expect(await db().auditEvent.count({ where: { orgId: org.id, action: "candidate.imported" } })).toBe(1);
      expect(answers).toEqual([{ created: 2, updated: 0, skipped: 0 }, { created: 2, updated: 0, skipped: 0 }, { created: 2, updated: 0, skipped: 0 }]);
    } finally {
      createOnceSettings.keyTransactionTimeoutMs = saved;
      release();
      await holder.catch(() => undefined);
    }
  });

  it("finds rows without an email already in their vacancy by name and phone, in the preview and the import", async () => {
    const { org, manager, designer, engineer } = await importWorld();
    const csv = [
      "Name,Email,Phone,Vacancy,Notes",
      "Ann Noemail,,0100 200,Product Designer,first note",
      "Bob Noemail,,,Product Designer,",
      "With Email,with@example.com,,Site Engineer,",
    ].join("\n");
    const mapping: ImportMapping = { name: "Name", email: "Email", phone: "Phone", vacancy: "Vacancy", notes: "Notes" };
    const request = { file: file(csv), mapping, skipRows: [] };
    const skipAll = { all: "skip" as const, rows: [] };
    expect(await manager.candidateImport.confirm({ ...request, duplicates: skipAll, idempotencyKey: randomUUID() })).toEqual({ created: 3, updated: 0, skipped: 0 });

    // The same file again with a new key (read again after a reload mid-import, or a choice changed after the
    // import): every row is a duplicate now, with an email or not, and "skip" leaves them all out.
    expect(await manager.candidateImport.confirm({ ...request, duplicates: skipAll, idempotencyKey: randomUUID() })).toEqual({ created: 0, updated: 0, skipped: 3 });
    expect(await candidatesOf(org.id)).toHaveLength(3);
    const again = await manager.candidateImport.preview({ file: file(csv), mapping });
    expect(again.counts).toMatchObject({ rows: 3, ready: 3, duplicates: 3 });
    const byRow = new Map(again.rows.map((row) => [row.rowNumber, row]));
    expect(byRow.get(2)).toMatchObject({ existing: [expect.objectContaining({ name: "Ann Noemail", vacancyTitle: "Product Designer" })], matchedBy: "namePhone" });
    expect(byRow.get(3)).toMatchObject({ existing: [expect.objectContaining({ name: "Bob Noemail" })], matchedBy: "namePhone" });
    expect(byRow.get(4)).toMatchObject({ existing: [expect.objectContaining({ name: "With Email" })], matchedBy: "email" });

    // "Update" takes the row's notes; "keep both" adds a new candidate beside the existing one.
    expect(
      await manager.candidateImport.confirm({
        ...request,
        file: file(csv.replace("first note", "second note")),
        duplicates: { all: "skip", rows: [{ rowNumber: 2, choice: "update" }, { rowNumber: 3, choice: "keepBoth" }] },
        idempotencyKey: randomUUID(),
      }),
    ).toEqual({ created: 1, updated: 1, skipped: 1 });
    const rows = await candidatesOf(org.id);
    expect(rows.filter((row) => row.name === "Ann Noemail")).toEqual([expect.objectContaining({ notes: "second note", phone: "0100 200" })]);
    expect(rows.filter((row) => row.name === "Bob Noemail")).toHaveLength(2);

    // Name (case and spacing aside) and phone (its digits) within the vacancy: the same person, also one added
    // with an email. Another phone, or another vacancy, is another person.
    await createCandidateRecord(org.id, { name: "Eve Known", email: "eve@example.com", phone: "0300 111", vacancyId: designer.vacancyId, stageId: designer.stageId });
    const others = ["Name,Phone,Vacancy", "Ann Noemail,0100 999,Product Designer", "Ann Noemail,0100 200,Site Engineer", "eve  KNOWN,0300-111,Product Designer"].join("\n");
    const otherMapping: ImportMapping = { name: "Name", email: null, phone: "Phone", vacancy: "Vacancy", notes: null };
    const otherPreview = await manager.candidateImport.preview({ file: file(others), mapping: otherMapping });
    expect(otherPreview.counts).toMatchObject({ rows: 3, duplicates: 1 });
    expect(otherPreview.rows.find((row) => row.rowNumber === 4)).toMatchObject({ existing: [expect.objectContaining({ name: "Eve Known" })] });
    expect(await manager.candidateImport.confirm({ file: file(others), mapping: otherMapping, skipRows: [], duplicates: skipAll })).toEqual({
      created: 2,
      updated: 0,
      skipped: 1,
    });
    expect(await db().candidate.count({ where: { orgId: org.id, vacancyId: engineer.vacancyId, name: "Ann Noemail" } })).toBe(1);
  });

  it("leaves a header longer than a mapping may name unguessed, so the preview answers with the mapping step", async () => {
    const { manager, designer } = await importWorld();
    // A bilingual header whose second language the guess's normalising drops: it reads as "name".
    const header = `Name / ${"Имя и фамилия кандидата полностью, как в паспорте; ".repeat(7).trim()}`;
    expect(header.length).toBeGreaterThan(300);
    const preview = await manager.candidateImport.preview({ file: file(`"${header}",E-mail\nAda,ada@example.com\n`), defaultVacancyId: designer.vacancyId });
    expect(preview.headers[0]).toBe(header);
    expect(preview.mapping).toMatchObject({ name: null, email: "E-mail" });
    expect(preview.mappingProblems).toEqual([{ key: "noName", values: {} }]);
  });

  it("keeps one person per email when a candidate is added by hand while an import runs", async () => {
    const { org, manager, designer, engineer } = await importWorld();
    const mapping: ImportMapping = { name: "Name", email: "Email", phone: null, vacancy: null, notes: null };
    const [imported, created] = await Promise.all([
      manager.candidateImport.confirm({
        file: file("Name,Email\nRace Import,race@example.com\n"),
        mapping,
        defaultVacancyId: designer.vacancyId,
        duplicates: { all: "skip", rows: [] },
        skipRows: [],
      }),
      manager.candidates.create({ name: "Race By Hand", email: "race@example.com", vacancyId: engineer.vacancyId }),
    ]);
    expect(created.id).toBeTruthy();
    const rows = await candidatesOf(org.id);
    // Whichever came first, the other saw it: one person, and the import either added or skipped its row.
    expect(new Set(rows.map((row) => row.personId)).size).toBe(1);
    expect(rows).toHaveLength(imported.created === 1 ? 2 : 1);
  });

  it("remembers the mapping for the organisation's next file", async () => {
    const { org, manager, designer } = await importWorld();
    // Headers no guess would map: only the remembered mapping can.
    const csv = "Kandidat,Kontakt,Bemerkung\nAda,ada@example.com,hi\n";
    const guessed = await manager.candidateImport.preview({ file: file(csv), defaultVacancyId: designer.vacancyId });
    expect(guessed).toMatchObject({ mappingRemembered: false, mapping: { name: null, email: null } });
    const mapping: ImportMapping = { name: "Kandidat", email: "Kontakt", phone: null, vacancy: null, notes: "Bemerkung" };
    await manager.candidateImport.confirm({ file: file(csv), mapping, defaultVacancyId: designer.vacancyId, duplicates: { all: "skip", rows: [] }, skipRows: [] });
    const next = await manager.candidateImport.preview({ file: file("Kandidat,Kontakt,Bemerkung\nGrace,grace@example.com,\n") });
    expect(next).toMatchObject({ mappingRemembered: true, mapping });
    expect((await db().organization.findUniqueOrThrow({ where: { id: org.id } })).candidateImportMapping).toEqual(mapping);
  });

  it("stores formula cells as text: a workbook's cached value, a CSV's literal characters", async () => {
    const { org, manager, designer } = await importWorld();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Export");
    sheet.addRow(["Name", "Notes"]);
    sheet.addRow(["Zoë Xlsx", { formula: 'HYPERLINK("http://evil.example","Portfolio")', result: "Portfolio" }]);
    const xlsx = { name: "export.xlsx", base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64") };
    const mapping: ImportMapping = { name: "Name", email: null, phone: null, vacancy: null, notes: "Notes" };
    const rest = { mapping, defaultVacancyId: designer.vacancyId, duplicates: { all: "skip" as const, rows: [] }, skipRows: [] };
    await manager.candidateImport.confirm({ ...rest, file: xlsx });
    await manager.candidateImport.confirm({ ...rest, file: file('Name,Notes\nCsv Row,"=HYPERLINK(""http://evil.example"",""x"")"\n') });
    expect((await candidatesOf(org.id)).map((row) => [row.name, row.notes])).toEqual([
      ["Csv Row", '=HYPERLINK("http://evil.example","x")'],
      ["Zoë Xlsx", "Portfolio"],
    ]);
    const refused = manager.candidateImport.preview({ file: { name: "big.xlsx", base64: Buffer.from("PK\x03\x04 not really").toString("base64") } });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a readable Excel workbook") });
  });

  it("imports 10,000 rows in one go within seconds", async () => {
    const { org, manager, designer, engineer } = await importWorld();
    await createCandidateRecord(org.id, { name: "Existing", email: "person5000@example.com", vacancyId: designer.vacancyId, stageId: designer.stageId });
    const lines = ["Name,Email,Phone,Vacancy,Notes"];
    for (let i = 1; i <= 10_000; i++) {
      lines.push(`Person ${i},person${i}@example.com,+44 20 ${String(i).padStart(5, "0")},${i % 2 ? "Product Designer" : "Site Engineer"},Imported row ${i}`);
    }
    const mapping: ImportMapping = { name: "Name", email: "Email", phone: "Phone", vacancy: "Vacancy", notes: "Notes" };
    const started = performance.now();
    const preview = await manager.candidateImport.preview({ file: file(lines.join("\n")), mapping });
    const previewed = performance.now();
    const result = await manager.candidateImport.confirm({ file: file(lines.join("\n")), mapping, duplicates: { all: "keepBoth", rows: [] }, skipRows: [] });
    const finished = performance.now();
    console.log(`10,000-row import: preview ${Math.round(previewed - started)} ms, import ${Math.round(finished - previewed)} ms`);
    expect(preview.counts).toEqual({ rows: 10_000, ready: 10_000, withProblems: 0, duplicates: 1 });
    expect(result).toEqual({ created: 10_000, updated: 0, skipped: 0 });
    expect(await db().candidate.count({ where: { orgId: org.id, vacancyId: engineer.vacancyId } })).toBe(5_000);
    expect(finished - started).toBeLessThan(10_000);
  }, 60_000);
});
