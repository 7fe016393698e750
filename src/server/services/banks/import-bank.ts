import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { insertBank } from "./bank-names";
import { competencyIdsBySlug, requireCompetencyIds } from "./competency-lookup";

type Tx = Prisma.TransactionClient;

export type ImportedQuestion = {
  text: string;
  assesses: string;
  howToAnswer: string;
  exampleAnswer: string;
  competencies: string[];
  source?: string;
  /** The article had no question sentence; someone wrote this one. */
  textReconstructed?: boolean;
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

/** Creates a bank with its questions in one transaction; nothing is written if any question is invalid. */
export async function importBank(db: Db, input: ImportBankInput) {
  return db.$transaction(
    async (tx) => {
      const bank = await insertBank(tx, input.orgId, { name: input.name, role: input.role, source: input.source }, "name");
      await insertQuestions(tx, {
        orgId: input.orgId,
        bankId: bank.id,
        firstPosition: 1,
        source: input.source ?? null,
        questions: input.questions,
        competencyField: "competencies",
      });
      await recordAuditEvent(tx, {
        orgId: input.orgId,
        actorId: input.actorId,
        action: "bank.imported",
        entityType: "QuestionBank",
        entityId: bank.id,
        data: { name: bank.name, questions: input.questions.length, newBank: true },
      });
      return { bankId: bank.id, questions: input.questions.length };
    },
    { timeout: 30_000 },
  );
}

export type InsertQuestionsInput = {
  orgId: string | null;
  bankId: string;
  /** Position of the first question; the rest follow in order. */
  firstPosition: number;
  /** Article title, for each question's "title, entry N" source when the question gives none. */
  source: string | null;
  questions: readonly ImportedQuestion[];
  /** Name of the competency list in the caller's input, for error messages that point at the field. */
  competencyField: string;
};

/** Appends questions to a bank inside the caller's transaction; an invalid one throws and so undoes all. */
export async function insertQuestions(tx: Tx, input: InsertQuestionsInput): Promise<string[]> {
  const idBySlug = await competencyIdsBySlug(tx, input.orgId, input.questions.flatMap((q) => q.competencies));
  const ids: string[] = [];
  for (const [i, q] of input.questions.entries()) {
    const field = `questions.${i}.${input.competencyField}`;
    if (q.competencies.length < 1 || q.competencies.length > 3) {
      throw new AppError("BAD_REQUEST", `Question ${i + 1} needs one to three competencies.`, field);
    }
    const competencyIds = requireCompetencyIds(idBySlug, q.competencies, field, `Question ${i + 1}: `);
    const created = await tx.question.create({
      data: {
        bankId: input.bankId,
        position: input.firstPosition + i,
        text: q.text,
        textReconstructed: q.textReconstructed ?? false,
        assesses: q.assesses,
        howToAnswer: q.howToAnswer,
        exampleAnswer: q.exampleAnswer,
        source: q.source ?? (input.source ? `${input.source}, entry ${i + 1}` : null),
        competencies: { create: competencyIds.map((competencyId, position) => ({ competencyId, position })) },
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}
