import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { visibleBankWhere } from "./visible-banks";

export async function listBanks(db: Db, actor: Actor) {
  requirePermission(actor, "banks:read");
  const banks = await db.questionBank.findMany({
    where: visibleBankWhere(actor),
    select: { id: true, name: true, role: true, source: true, orgId: true, _count: { select: { questions: true } } },
    orderBy: [{ orgId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return banks.map((b) => ({
    id: b.id,
    name: b.name,
    role: b.role,
    source: b.source,
    builtIn: b.orgId === null,
    questionCount: b._count.questions,
  }));
}
