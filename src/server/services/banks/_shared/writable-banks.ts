// Where an organisation may write: its own banks only. Built-in banks (orgId null) are shared by every
// organisation and stay read-only; another organisation's bank is answered as not found.
import type { Prisma } from "@/generated/prisma/client";
import { AppError, notFound, type ErrorText } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { visibleBankWhere } from "../visible-banks";

type Tx = Prisma.TransactionClient;

export const BUILT_IN_READ_ONLY: ErrorText = { key: "bank.builtInReadOnly" };

/**
 * The details and `updatedAt` are read under the lock: a save that held it has committed (the details form's
 * check uses `updatedAt`, the audit entry's "from" the details).
 */
export type WritableBank = { id: string; name: string; role: string | null; description: string | null; updatedAt: Date };

/**
 * Returns the actor's own bank and locks its row until the transaction ends, so writers to the same
 * bank queue up and question positions stay unique.
 */
export async function lockWritableBank(tx: Tx, actor: Actor, bankId: string, field?: string): Promise<WritableBank> {
  const bank = await tx.questionBank.findFirst({ where: { id: bankId, ...visibleBankWhere(actor) }, select: { id: true, orgId: true } });
  if (!bank) throw new AppError("NOT_FOUND", { key: "notFound.bank" }, field);
  if (bank.orgId === null) throw new AppError("FORBIDDEN", BUILT_IN_READ_ONLY, field);
  const [locked] = await tx.$queryRaw<Omit<WritableBank, "id">[]>`
    SELECT "name", "role", "description", "updatedAt" FROM "QuestionBank" WHERE "id" = ${bank.id} FOR UPDATE`;
  return { id: bank.id, ...locked! };
}

/** A question of one of the actor's own banks, with its bank locked (see lockWritableBank). */
export async function lockWritableQuestion(tx: Tx, actor: Actor, questionId: string) {
  const question = await tx.question.findFirst({
    where: { id: questionId, bank: visibleBankWhere(actor) },
    select: { id: true, bankId: true, position: true, text: true },
  });
  if (!question) throw notFound("Question");
  const bank = await lockWritableBank(tx, actor, question.bankId);
  return { ...question, bank };
}

/** The next free position at the end of a bank. */
export async function nextPosition(tx: Tx, bankId: string): Promise<number> {
  const last = await tx.question.aggregate({ where: { bankId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}
