import type { BankDetailsInput } from "@/lib/schemas/banks";
import type { Db } from "@/server/db";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { requirePermission, type Actor } from "@/server/services/actor";
import { bankNameTaken, insertBank, isUniqueViolation } from "./_shared/bank-names";

/** An empty bank of the actor's organisation. */
export async function createBank(db: Db, actor: Actor, input: BankDetailsInput) {
  requirePermission(actor, "banks:write");
  try {
    return await db.$transaction(async (tx) => {
      const bank = await insertBank(tx, actor.orgId, input, "name");
      await recordActorEvent(tx, actor, "bank.created", ["QuestionBank", bank.id], { name: bank.name });
      return { id: bank.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw bankNameTaken(input.name.trim(), "name");
    throw error;
  }
}
