import type { UpdateBankInput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { refuseIfChangedSince } from "@/server/services/_shared/lock-for-update";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { bankNameTaken, ensureBankNameFree, isUniqueViolation, slugForBankName } from "./_shared/bank-names";
import { lockWritableBank } from "./_shared/writable-banks";

/**
 * Renames or redescribes one of the organisation's banks; the audit entry keeps what changed, before and after.
 * With `baseUpdatedAt` (the details form's), a bank whose details changed since the form was opened is not
 * overwritten (CONFLICT). Adding, editing, removing or reordering its questions does not move the bank's updatedAt.
 */
export async function updateBank(db: Db, actor: Actor, input: UpdateBankInput) {
  requirePermission(actor, "banks:write");
  const name = input.name.trim();
  const next = { name, role: input.role || null, description: input.description || null };
  try {
    return await db.$transaction(async (tx) => {
      const bank = await lockWritableBank(tx, actor, input.id);
      refuseIfChangedSince(input.baseUpdatedAt, bank.updatedAt, { key: "bank.detailsChangedElsewhere" });
      await ensureBankNameFree(tx, actor.orgId, name, "name", bank.id);
      const changes = Object.fromEntries(
        (Object.keys(next) as (keyof typeof next)[])
          .filter((key) => bank[key] !== next[key])
          .map((key) => [key, { from: bank[key], to: next[key] }]),
      );
      const saved = await tx.questionBank.update({ where: { id: bank.id }, data: { ...next, slug: slugForBankName(name) }, select: { updatedAt: true } });
      await recordActorEvent(tx, actor, "bank.updated", ["QuestionBank", bank.id], { changes });
      // The details form goes on from the state it saved (its next baseUpdatedAt) without being drawn afresh.
      return { id: bank.id, updatedAt: saved.updatedAt };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw bankNameTaken(name, "name");
    throw error;
  }
}
