import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedBuiltinContent } from "@/server/services/seed/seed-builtin-content";
import { callerFor, createOrganization } from "./factories";
import { builtInCompetencies, draft, item } from "./script-factories";

const FIELDS = ["text", "assesses", "howToAnswer", "exampleAnswer"] as const;

describe("built-in banks in Spanish (issue 23)", () => {
  it("seeds a complete Spanish translation of every built-in question and bank name, distinct from the English source", async () => {
    const banks = await db().questionBank.findMany({
      where: { orgId: null },
      select: { name: true, translations: true, questions: { select: { position: true, text: true, assesses: true, howToAnswer: true, exampleAnswer: true, translations: true } } },
    });
    expect(banks.length).toBeGreaterThanOrEqual(2);
    for (const bank of banks) {
      const es = (bank.translations as { es?: { name?: string } }).es;
      expect(es?.name?.trim(), bank.name).toBeTruthy();
      expect(bank.questions.length).toBeGreaterThan(0);
      for (const q of bank.questions) {
        const translated = (q.translations as { es?: Partial<Record<(typeof FIELDS)[number], string>> }).es;
        for (const field of FIELDS) {
          const where = `${bank.name} #${q.position} ${field}`;
          expect(translated?.[field]?.trim().length ?? 0, where).toBeGreaterThan(field === "text" ? 10 : 20);
          expect(translated?.[field], where).not.toBe(q[field]);
        }
      }
    }
  });

  it("gives a database seeded before the translations existed its translations on the next seeding", async () => {
    const bank = await db().questionBank.findFirstOrThrow({ where: { orgId: null }, select: { id: true, translations: true } });
    const question = await db().question.findFirstOrThrow({ where: { bankId: bank.id, position: 2 }, select: { id: true, translations: true } });
    await db().questionBank.update({ where: { id: bank.id }, data: { translations: {} } });
    await db().question.update({ where: { id: question.id }, data: { translations: {} } });

    const summary = await seedBuiltinContent(db());
    expect(summary.changedRows).toBe(2);
    expect((await db().questionBank.findUniqueOrThrow({ where: { id: bank.id } })).translations).toEqual(bank.translations);
    expect((await db().question.findUniqueOrThrow({ where: { id: question.id } })).translations).toEqual(question.translations);
    expect((await seedBuiltinContent(db())).changedRows).toBe(0);
  });

  it("reaches the pages through the banks procedures: the question, the search results and the bank list carry the Spanish texts", async () => {
    const { members } = await createOrganization(["INTERVIEWER"]);
    const api = callerFor(members.INTERVIEWER.userId);
    const found = await api.banks.searchQuestions({ query: "caseload", limit: 5, offset: 0 });
    const first = found.questions[0]!;
    expect(first.translations.es?.text).toMatch(/carga de casos/);
    expect(first.bank.translations.es?.name).toBeTruthy();
    const question = await api.banks.question({ id: first.id });
    expect(Object.keys(question.translations.es ?? {}).sort()).toEqual(["assesses", "exampleAnswer", "howToAnswer", "text"]);
    expect((await api.banks.list()).filter((b) => b.builtIn).every((b) => b.translations.es?.name)).toBe(true);
  });

  it("prints a script's bank question in Spanish while the item keeps the bank's wording, and not once the author rewrote it", async () => {
    const { members } = await createOrganization(["HIRING_MANAGER"]);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const c = await builtInCompetencies();
    const [asWritten, reworded] = await db().question.findMany({
      where: { bank: { orgId: null } },
      orderBy: [{ bankId: "asc" }, { position: "asc" }],
      take: 2,
      select: { id: true, text: true, howToAnswer: true, exampleAnswer: true, translations: true },
    });
    const fromBank = (q: typeof asWritten, text = q!.text) =>
      item([c.empathy!], { questionId: q!.id, text, goodAnswer: q!.howToAnswer, exampleAnswer: q!.exampleAnswer });
    const { id } = await manager.scripts.create({ title: "Guion", role: "Case manager" });
    await manager.scripts.saveDraft(
      draft(await manager.scripts.get({ id }), { sections: [{ title: "Preguntas", items: [fromBank(asWritten), fromBank(reworded, "Our own wording?")] }] }),
    );

    const [first, second] = (await manager.scripts.printable({ id })).sections[0]!.items;
    const spanish = (asWritten!.translations as { es: Record<string, string> }).es;
    expect(first!.translations.es).toEqual({ text: spanish.text, goodAnswer: spanish.howToAnswer, exampleAnswer: spanish.exampleAnswer });
    expect(second!.translations.es).toEqual({
      goodAnswer: (reworded!.translations as { es: Record<string, string> }).es.howToAnswer,
      exampleAnswer: (reworded!.translations as { es: Record<string, string> }).es.exampleAnswer,
    });
    expect(second!.translations.es?.text).toBeUndefined();
    expect(first!.competencies[0]!.translations.es?.name).toBeTruthy();
  });
});
