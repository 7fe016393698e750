import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";

/** The banks the organisation uses (built-in first, then its own) with their questions, to write a practice answer for. */
export async function listQuestionOptions(db: Db, actor: Actor) {
  requirePermission(actor, "training:manage");
  const banks = await db.questionBank.findMany({
    where: { OR: [{ orgId: null }, { orgId: actor.orgId }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      orgId: true,
      questions: {
        orderBy: { position: "asc" },
        take: 500,
        select: {
          id: true,
          position: true,
          text: true,
          competencies: { orderBy: { position: "asc" }, select: { competency: { select: { name: true } } } },
        },
      },
    },
  });
  return banks
    .sort((a, b) => Number(a.orgId !== null) - Number(b.orgId !== null))
    .map((bank) => ({
      bankId: bank.id,
      bankName: bank.name,
      builtIn: bank.orgId === null,
      questions: bank.questions.map((q) => ({ id: q.id, position: q.position, text: q.text, competencies: q.competencies.map((c) => c.competency.name) })),
    }));
}
