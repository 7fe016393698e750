import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { questionCompetencyRefsSelect } from "./_shared/selects";
import { BUILT_IN_READ_ONLY } from "./_shared/writable-banks";
import { visibleBankWhere } from "./visible-banks";

/** One of the organisation's own banks with every question in order, for the page that manages it. */
export async function getOwnBank(db: Db, actor: Actor, bankId: string) {
  requirePermission(actor, "banks:write");
  const bank = await db.questionBank.findFirst({
    where: { id: bankId, ...visibleBankWhere(actor) },
    select: {
      id: true,
      orgId: true,
      name: true,
      role: true,
      description: true,
      source: true,
      updatedAt: true,
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, text: true, textReconstructed: true, competencies: questionCompetencyRefsSelect },
      },
    },
  });
  if (!bank) throw notFound("Bank");
  if (bank.orgId === null) throw new AppError("FORBIDDEN", BUILT_IN_READ_ONLY);
  const { orgId: _orgId, questions, ...rest } = bank;
  return { ...rest, questions: questions.map((q) => ({ ...q, competencies: q.competencies.map((c) => c.competency) })) };
}
