import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { bankQuestionCounts } from "./_shared/question-counts";

/** The organisation's own banks: where questions can be added, copied or imported. */
export async function listOwnBanks(db: Db, actor: Actor) {
  requirePermission(actor, "banks:write");
  const banks = await db.questionBank.findMany({
    where: { orgId: actor.orgId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const questionsIn = await bankQuestionCounts(db, banks.map((b) => b.id));
  return banks.map((b) => ({ id: b.id, name: b.name, questionCount: questionsIn(b.id) }));
}
