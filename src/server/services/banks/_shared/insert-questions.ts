// Appending article questions to a bank: shared by the command-line import and the in-app import.
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
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
      throw new AppError("BAD_REQUEST", { key: "bank.oneToThreeCompetencies", values: { number: String(i + 1) } }, field);
    }
    const competencyIds = requireCompetencyIds(idBySlug, q.competencies, field, i + 1);
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
