// More bad input (tmp audit F10, F12 and a note): bank names in scripts other than Latin, which all shared the
// slug "bank" and were refused as duplicates of each other; a NUL character past an uploaded CSV's first 8 KiB,
// which the preview showed as ready and the import refused with a message naming nothing; and REST query dates
// in the year 0, refused without naming the parameter.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, vacancyFor } from "./factories";
import { api, expectConforms, keyFor } from "./rest-api-kit";

type Problem = { status: number; title: string; detail: string; errors?: Array<{ field: string; message: string }> };

/** The tRPC error a call ends with (code and message), or null when it succeeds. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
  );

const taken = (name: string) => ({ code: "CONFLICT", message: `A bank named "${name}" already exists. Choose another name.` });

describe("bank names in any script (F12)", () => {
  it("creates banks named in Greek, Arabic, Chinese, Cyrillic and Hebrew side by side, and still refuses the same name twice", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const names = ["Ερωτήσεις συνέντευξης", "أسئلة المقابلة", "面接の質問", "営業の質問", "Вопросы для собеседования", "שאלות לראיון"];
    for (const name of names) expect(await failure(manager.bankAdmin.createBank({ name })), name).toBeNull();
    expect((await manager.bankAdmin.myBanks()).map((b) => b.name).sort()).toEqual([...names].sort());

    // Case, spacing and punctuation still make no other name, in any script; the refusal names the field.
    for (const again of ["  ερωτήσεις ΣΥΝΈΝΤΕΥΞΗΣ! ", "أسئلة المقابلة", "面接の質問。"]) {
      const refused = await manager.bankAdmin.createBank({ name: again }).catch((e: unknown) => e);
      expect(refused, again).toBeInstanceOf(TRPCError);
      expect({ code: (refused as TRPCError).code, message: (refused as TRPCError).message }).toEqual(taken(again.trim()));
      expect((refused as TRPCError).cause).toMatchObject({ field: "name" });
    }
    // A rename onto another bank's name is refused the same way; one in the bank's own script is kept.
    const [greek, arabic] = await Promise.all(names.slice(0, 2).map((name) => db().questionBank.findFirstOrThrow({ where: { orgId: org.id, name } })));
    expect(await failure(manager.bankAdmin.updateBank({ id: arabic!.id, name: "Ερωτήσεις Συνέντευξης" }))).toEqual(taken("Ερωτήσεις Συνέντευξης"));
    expect(await failure(manager.bankAdmin.updateBank({ id: greek!.id, name: "Ερωτήσεις για συνέντευξη" }))).toBeNull();
    expect(await db().questionBank.count({ where: { orgId: org.id } })).toBe(names.length);
  });

  it("names a new bank of an article import in another script too", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    await manager.bankAdmin.createBank({ name: "面接の質問" });
    const question = {
      text: "信頼をどう築きますか？",
      assesses: "How the candidate builds trust.",
      howToAnswer: "Describe a concrete situation.",
      exampleAnswer: "I listened first.",
      competencySlugs: ["empathy"],
    };
    const imported = await manager.bankAdmin.confirmImport({ target: { newBank: { name: "営業の質問" } }, questions: [question] });
    expect(imported.imported).toBe(1);
    expect(await failure(manager.bankAdmin.confirmImport({ target: { newBank: { name: "営業の質問" } }, questions: [question] }))).toEqual(taken("営業の質問"));
  });

  it("knows banks stored with the old slugs: the same name is refused, another name in that script is not", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    // As the first rule stored them: only a–z and 0–9 kept, so "bank" for a name with no Latin letter.
    await db().questionBank.createMany({
      data: [
        { orgId: org.id, slug: "bank", name: "面接の質問" },
        { orgId: org.id, slug: "entrevista-t-cnica", name: "Entrevista técnica" },
      ],
    });
    expect(await failure(manager.bankAdmin.createBank({ name: "面接の質問" }))).toEqual(taken("面接の質問"));
    expect(await failure(manager.bankAdmin.createBank({ name: "entrevista TÉCNICA" }))).toEqual(taken("entrevista TÉCNICA"));
    expect(await failure(manager.bankAdmin.createBank({ name: "営業の質問" }))).toBeNull();
    expect(await failure(manager.bankAdmin.createBank({ name: "Entrevista tecnica" }))).toBeNull();
    // Saving an old bank's details gives it today's slug; its name stays taken.
    const old = await db().questionBank.findFirstOrThrow({ where: { orgId: org.id, name: "面接の質問" } });
    await manager.bankAdmin.updateBank({ id: old.id, name: "面接の質問", description: "一次面接" });
    expect((await db().questionBank.findUniqueOrThrow({ where: { id: old.id } })).slug).toBe("面接の質問");
    expect(await failure(manager.bankAdmin.createBank({ name: "面接の質問" }))).toEqual(taken("面接の質問"));
  });
});

describe("a NUL character past the first 8 KiB of an uploaded CSV (F10)", () => {
  /** A candidate CSV of 300 rows (about 13 KB) whose last row's Notes hold a NUL character. */
  const csv = () => {
    const lines = ["Name,Email,Notes", ...Array.from({ length: 299 }, (_, i) => `Person ${i},person${i}@example.com,Met at the open day`)];
    lines.push("Zoe Last,zoe@example.com,Bad\u0000note");
    const text = `${lines.join("\n")}\n`;
    expect(text.indexOf("\u0000")).toBeGreaterThan(8192);
    return Buffer.from(text).toString("base64");
  };
  const named = "Row 301, column C (“Notes”) holds a NUL character (\\0), which cannot be stored. It often comes from a damaged export: remove it, then upload the file again.";

  it("is refused by the candidate import's preview and import, naming the row and the column, writing nothing", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { vacancyId } = await vacancyFor(org.id);
    const file = { name: "candidates.csv", base64: csv() };
    expect(await failure(manager.candidateImport.preview({ file }))).toEqual({ code: "BAD_REQUEST", message: named });
    const mapping = { name: "Name", email: "Email", phone: null, vacancy: null, notes: "Notes" };
    const confirm = manager.candidateImport.confirm({ file, mapping, defaultVacancyId: vacancyId, duplicates: { all: "skip" as const, rows: [] }, skipRows: [] });
    expect(await failure(confirm)).toEqual({ code: "BAD_REQUEST", message: named });
    expect(await db().candidate.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("is refused by the bank import's preview, naming the file, the row and the column", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const refused = await failure(manager.bankAdmin.previewImportFile({ fileName: "bank.csv", content: csv() }));
    expect(refused).toEqual({ code: "BAD_REQUEST", message: expect.stringContaining(`“bank.csv”: ${named}`) });
  });
});

describe("REST query dates outside the years 1 to 9999", () => {
  it("are refused with 400 naming the parameter, as tRPC refuses such a date", async () => {
    const { org, members } = await createOrganization(["HIRING_MANAGER"]);
    const { key } = await keyFor(org.id, members.HIRING_MANAGER.userId);
    for (const [template, path, field] of [
      ["/candidates", "/candidates?updated_since=0000-01-01T00:00:00Z", "updated_since"],
      ["/candidates", "/candidates?updated_since=0000-06-01T00:00:00Z", "updated_since"],
      ["/interviews", "/interviews?from=0000-01-01T00:00:00%2B01:00", "from"],
      ["/interviews", "/interviews?to=0000-12-31T23:00:00Z", "to"],
      ["/vacancies", "/vacancies?updated_since=0000-01-01T00:00:00Z", "updated_since"],
    ] as const) {
      const answer = await api("GET", path, key);
      expect(answer.status, `${path}: ${answer.text}`).toBe(400);
      expectConforms(answer, "GET", template);
      const message = `${field}: must be a date between the years 1 and 9999`;
      expect(answer.body, path).toMatchObject({ detail: message, errors: [{ field, message }] });
    }
    const spanish = await api("GET", "/candidates?updated_since=0000-01-01T00:00:00Z", key, { headers: { "Accept-Language": "es" } });
    expect((spanish.body as Problem).errors).toEqual([{ field: "updated_since", message: "updated_since: debe ser una fecha entre los años 1 y 9999" }]);
    // The first day of year 1 is a date like any other.
    expect((await api("GET", "/candidates?updated_since=0001-01-01T00:00:00Z", key)).status).toBe(200);
  });
});
