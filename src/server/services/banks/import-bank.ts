import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";

export type ImportedQuestion = {
  text: string;
  assesses: string;
  howToAnswer: string;
  exampleAnswer: string;
  competencies: string[];
  source?: string;
};

export type ImportBankInput = {
  /** null for a built-in bank shared by every organisation (command line only). */
  orgId: string | null;
  actorId: string | null;
  name: string;
  role?: string | null;
  source?: string | null;
  questions: ImportedQuestion[];
};

const slugFor = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "bank";

/** Creates a bank with its questions in one transaction; nothing is written if any question is invalid. */
export async function importBank(db: Db, input: ImportBankInput) {
  const slug = slugFor(input.name);
  return db.$transaction(async (tx) => {
    const clash = await tx.questionBank.findFirst({ where: { orgId: input.orgId, slug }, select: { id: true } });
    if (clash) throw new AppError("CONFLICT", `A bank named "${input.name}" already exists. Choose another name.`, "name");
    const wanted = [...new Set(input.questions.flatMap((q) => q.competencies))];
    const competencies = await tx.competency.findMany({
      where: { slug: { in: wanted }, OR: [{ orgId: null }, ...(input.orgId ? [{ orgId: input.orgId }] : [])] },
      select: { id: true, slug: true, orgId: true },
    });
    // An organisation's own competency wins over a built-in one with the same slug.
    const idBySlug = new Map<string, string>();
    for (const c of [...competencies].sort((a, b) => (a.orgId === null ? -1 : 1) - (b.orgId === null ? -1 : 1))) {
      idBySlug.set(c.slug, c.id);
    }
    const bank = await tx.questionBank.create({
      data: { orgId: input.orgId, slug, name: input.name, role: input.role ?? null, source: input.source ?? null },
    });
    for (const [i, q] of input.questions.entries()) {
      if (q.competencies.length < 1 || q.competencies.length > 3) {
        throw new AppError("BAD_REQUEST", `Question ${i + 1} needs one to three competencies.`, `questions.${i}.competencies`);
      }
      const ids = q.competencies.map((slugName) => {
        const id = idBySlug.get(slugName);
        if (!id) throw new AppError("BAD_REQUEST", `Question ${i + 1}: unknown competency "${slugName}".`, `questions.${i}.competencies`);
        return id;
      });
      await tx.question.create({
        data: {
          bankId: bank.id,
          position: i + 1,
          text: q.text,
          assesses: q.assesses,
          howToAnswer: q.howToAnswer,
          exampleAnswer: q.exampleAnswer,
          source: q.source ?? (input.source ? `${input.source}, entry ${i + 1}` : null),
          competencies: { create: ids.map((competencyId, position) => ({ competencyId, position })) },
        },
      });
    }
    await recordAuditEvent(tx, {
      orgId: input.orgId,
      actorId: input.actorId,
      action: "bank.imported",
      entityType: "QuestionBank",
      entityId: bank.id,
      data: { name: input.name, questions: input.questions.length },
    });
    return { bankId: bank.id, questions: input.questions.length };
  });
}
