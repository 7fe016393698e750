import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { bankQuestionCountSelect } from "./_shared/selects";
import { visibleBankWhere } from "./visible-banks";

/** Every bank an organisation can read (the built-in ones first), with how many questions each holds. */
export async function listBanks(db: Db, actor: Actor) {
  requirePermission(actor, "banks:read");
  const banks = await db.questionBank.findMany({
    where: visibleBankWhere(actor),
    select: { id: true, name: true, role: true, source: true, orgId: true, translations: true, _count: bankQuestionCountSelect },
    orderBy: [{ orgId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  return banks.map((b) => ({
    id: b.id,
    name: b.name,
    role: b.role,
    source: b.source,
    builtIn: b.orgId === null,
    questionCount: b._count.questions,
    translations: b.translations,
  }));
}
