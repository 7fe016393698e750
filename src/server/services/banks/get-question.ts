import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { anchorsInOrderSelect, questionCoreSelect, questionGuidanceSelect } from "./_shared/selects";
import { visibleBankWhere } from "./visible-banks";

/** A question with everything a rating guide needs: guidance, example answer, competencies and their anchors. */
export async function getQuestion(db: Db, actor: Actor, questionId: string) {
  requirePermission(actor, "banks:read");
  const question = await db.question.findFirst({
    where: { id: questionId, bank: visibleBankWhere(actor) },
    select: {
      ...questionCoreSelect,
      ...questionGuidanceSelect,
      updatedAt: true,
      bank: { select: { id: true, name: true, role: true, orgId: true, translations: true } },
      competencies: {
        orderBy: { position: "asc" },
        select: {
          competency: {
            select: {
              id: true,
              slug: true,
              name: true,
              definition: true,
              anchors: anchorsInOrderSelect,
            },
          },
        },
      },
    },
  });
  if (!question) throw notFound("Question");
  const { bank, competencies, ...rest } = question;
  return {
    ...rest,
    bank: { id: bank.id, name: bank.name, role: bank.role, builtIn: bank.orgId === null, translations: bank.translations },
    competencies: competencies.map((c) => c.competency),
  };
}
