// Loads the built-in competency framework and question banks from seeds/ into the database.
// Idempotent: rows already matching the seed files are left untouched, so seeding twice changes nothing.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { parseArticle } from "@/lib/bank-article/parse-article";
import { seedBankTranslations } from "./seed-bank-translations";
import { seedCompetencyTranslations } from "./seed-competency-translations";
import { readBankSeeds, readCompetencySeeds, type BankSeedWithArticle, type CompetencySeed } from "./seed-files";

type Tx = Prisma.TransactionClient;
const SEED_LOCK_KEY = 72_201_120;

export type SeedSummary = { competencies: number; banks: number; questions: number; changedRows: number };

export async function seedBuiltinContent(db: Db, seedsDir?: string): Promise<SeedSummary> {
  const competencies = readCompetencySeeds(seedsDir);
  const banks = readBankSeeds(seedsDir).map((bank) => ({ bank, questions: questionsFromArticle(bank) }));
  return db.$transaction(
    async (tx) => {
      // Instances starting together seed one after the other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      let changedRows = 0;
      const competencyIds = new Map<string, string>();
      for (const [order, seed] of competencies.entries()) {
        const { id, changed } = await upsertCompetency(tx, seed, order);
        competencyIds.set(seed.slug, id);
        changedRows += changed;
      }
      let questionCount = 0;
      for (const { bank, questions } of banks) {
        changedRows += await upsertBank(tx, bank, questions, competencyIds);
        questionCount += questions.length;
      }
      return { competencies: competencies.length, banks: banks.length, questions: questionCount, changedRows };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type SeedQuestion = {
  position: number;
  text: string;
  textReconstructed: boolean;
  assesses: string;
  howToAnswer: string;
  exampleAnswer: string;
  source: string;
  competencies: string[];
};

/** Parses a bank's article and joins the curated data; any problem in a built-in bank stops seeding. */
export function questionsFromArticle(bank: BankSeedWithArticle): SeedQuestion[] {
  const curatedText = new Map(bank.questions.filter((q) => q.text).map((q) => [q.index, q.text!]));
  const parsed = parseArticle(bank.articleText, { curatedText });
  if (parsed.problems.length > 0) {
    const list = parsed.problems.map((p) => `  line ${p.line}: ${p.message}`).join("\n");
    throw new Error(`Built-in bank ${bank.slug} (${bank.article}) has problems:\n${list}`);
  }
  const curatedByIndex = new Map(bank.questions.map((q) => [q.index, q]));
  if (curatedByIndex.size !== parsed.questions.length) {
    throw new Error(
      `Built-in bank ${bank.slug}: the article has ${parsed.questions.length} questions but the curated file lists ${curatedByIndex.size}.`,
    );
  }
  return parsed.questions.map((q) => {
    const curated = curatedByIndex.get(q.index);
    if (!curated || !q.text) throw new Error(`Built-in bank ${bank.slug}: question ${q.index} has no curated data or text.`);
    if (curated.assessesStartsWith && !q.assesses.startsWith(curated.assessesStartsWith)) {
      throw new Error(`Built-in bank ${bank.slug}: curated entry ${q.index} does not line up with the article.`);
    }
    return {
      position: q.index,
      text: q.text,
      textReconstructed: q.textSource === "curated" && curated.reconstructed === true,
      assesses: q.assesses,
      howToAnswer: q.howToAnswer,
      exampleAnswer: q.exampleAnswer,
      source: `${bank.source}, entry ${q.index}`,
      competencies: curated.competencies,
    };
  });
}

async function upsertCompetency(tx: Tx, seed: CompetencySeed, order: number): Promise<{ id: string; changed: number }> {
  let changed = 0;
  const data = { name: seed.name, definition: seed.definition, sortOrder: order };
  let row = await tx.competency.findFirst({ where: { orgId: null, slug: seed.slug } });
  if (!row) {
    row = await tx.competency.create({ data: { ...data, slug: seed.slug } });
    changed++;
  } else if (row.name !== data.name || row.definition !== data.definition || row.sortOrder !== data.sortOrder) {
    row = await tx.competency.update({ where: { id: row.id }, data });
    changed++;
  }
  const anchors = await tx.competencyAnchor.findMany({ where: { competencyId: row.id } });
  for (const level of [1, 2, 3, 4] as const) {
    const description = seed.anchors[String(level) as "1" | "2" | "3" | "4"];
    const existing = anchors.find((a) => a.level === level);
    if (existing?.description === description) continue;
    await tx.competencyAnchor.upsert({
      where: { competencyId_level: { competencyId: row.id, level } },
      create: { competencyId: row.id, level, description },
      update: { description },
    });
    changed++;
  }
  changed += await seedCompetencyTranslations(tx, row.id, seed);
  return { id: row.id, changed };
}

async function upsertBank(
  tx: Tx,
  bank: BankSeedWithArticle,
  questions: SeedQuestion[],
  competencyIds: Map<string, string>,
): Promise<number> {
  let changed = 0;
  const data = { name: bank.name, role: bank.role, source: bank.source };
  let row = await tx.questionBank.findFirst({ where: { orgId: null, slug: bank.slug } });
  if (!row) {
    row = await tx.questionBank.create({ data: { ...data, slug: bank.slug } });
    changed++;
  } else if (row.name !== data.name || row.role !== data.role || row.source !== data.source) {
    row = await tx.questionBank.update({ where: { id: row.id }, data });
    changed++;
  }
  const existing = await tx.question.findMany({
    where: { bankId: row.id },
    include: { competencies: { orderBy: { position: "asc" } } },
  });
  for (const q of questions) {
    const wanted = q.competencies.map((slug) => {
      const id = competencyIds.get(slug);
      if (!id) throw new Error(`Built-in bank ${bank.slug}: question ${q.position} names unknown competency "${slug}".`);
      return id;
    });
    const { competencies: _slugs, ...fields } = q;
    const current = existing.find((e) => e.position === q.position);
    let questionId: string;
    if (!current) {
      questionId = (await tx.question.create({ data: { ...fields, bankId: row.id } })).id;
      changed++;
    } else {
      questionId = current.id;
      const same = (Object.keys(fields) as (keyof typeof fields)[]).every((key) => current[key] === fields[key]);
      if (!same) {
        await tx.question.update({ where: { id: current.id }, data: fields });
        changed++;
      }
    }
    const currentLinks = current?.competencies.map((c) => c.competencyId) ?? [];
    if (currentLinks.join() !== wanted.join()) {
      await tx.questionCompetency.deleteMany({ where: { questionId } });
      await tx.questionCompetency.createMany({
        data: wanted.map((competencyId, position) => ({ questionId, competencyId, position })),
      });
      changed++;
    }
  }
  changed += await seedBankTranslations(tx, row.id, bank);
  return changed;
}
