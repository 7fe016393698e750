import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { countsBy } from "@/server/services/_shared/counts-by";

/** The organisation's own banks: where questions can be added, copied or imported. */
export async function listOwnBanks(db: Db, actor: Actor) {
  requirePermission(actor, "banks:write");
  const banks = await db.questionBank.findMany({
    where: { orgId: actor.orgId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  // Grouped from these banks' questions only, not with a relation _count (see countsBy).
  const questions = await db.question.groupBy({ by: ["bankId"], where: { bankId: { in: banks.map((b) => b.id) } }, _count: { _all: true } });
  const questionsIn = countsBy(questions, "bankId");
  return banks.map((b) => ({ id: b.id, name: b.name, questionCount: questionsIn(b.id) }));
}
