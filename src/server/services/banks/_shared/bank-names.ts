// A bank's name is unique within its organisation (among the built-in banks for built-in ones): the slug
// made from the name carries the unique index, so "Peer Support" and "peer support!" count as the same.
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { legacySlugForBankName, slugForBankName } from "./bank-slug";

export { slugForBankName } from "./bank-slug";

type Tx = Prisma.TransactionClient;

export const bankNameTaken = (name: string, field: string) =>
  new AppError("CONFLICT", { key: "bank.nameTaken", values: { name } }, field);

/**
 * Throws CONFLICT when another bank of the organisation already has this name. A bank stored before slugs kept
 * every script has the first rule's slug ("bank" for any Greek or Chinese name, "entrevista-t-cnica"), so rows
 * with that slug are compared by their name's slug today; a row holding this slug is taken either way.
 */
export async function ensureBankNameFree(tx: Tx, orgId: string | null, name: string, field: string, exceptBankId?: string) {
  const slug = slugForBankName(name);
  const rows = await tx.questionBank.findMany({
    where: { orgId, slug: { in: [...new Set([slug, legacySlugForBankName(name)])] }, ...(exceptBankId ? { NOT: { id: exceptBankId } } : {}) },
    select: { slug: true, name: true },
  });
  if (rows.some((row) => row.slug === slug || slugForBankName(row.name) === slug)) throw bankNameTaken(name, field);
}

/** Two writers racing past ensureBankNameFree meet the unique index; the loser gets the same CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type NewBank = { name: string; role?: string | null; description?: string | null; source?: string | null };

export async function insertBank(tx: Tx, orgId: string | null, bank: NewBank, field: string) {
  const name = bank.name.trim();
  await ensureBankNameFree(tx, orgId, name, field);
  return tx.questionBank.create({
    data: {
      orgId,
      slug: slugForBankName(name),
      name,
      role: bank.role || null,
      description: bank.description || null,
      source: bank.source || null,
    },
    select: { id: true, name: true },
  });
}
