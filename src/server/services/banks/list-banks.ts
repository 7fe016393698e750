import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { bankQuestionCounts } from "./_shared/question-counts";
import { visibleBankWhere } from "./visible-banks";

/** Every bank an organisation can read (the built-in ones first), with how many questions each holds. */
export async function listBanks(db: Db, actor: Actor) {
  requirePermission(actor, "banks:read");
  const banks = await db.questionBank.findMany({
    where: visibleBankWhere(actor),
    select: { id: true, name: true, role: true, source: true, orgId: true, translations: true },
    orderBy: [{ orgId: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
  const questionsIn = await bankQuestionCounts(db, banks.map((b) => b.id));
  return banks.map((b) => ({
    id: b.id,
    name: b.name,
    role: b.role,
    source: b.source,
    builtIn: b.orgId === null,
    questionCount: questionsIn(b.id),
    translations: b.translations,
  }));
}
