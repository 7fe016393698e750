// Who may change a vacancy: members holding vacancies:write who manage it (VacancyManager), or an admin.
// Reading a vacancy needs candidates:read; another organisation's vacancy is NOT_FOUND for everyone.
import type { Prisma } from "@/generated/prisma/client";
import { roleHas } from "@/server/auth/permissions";
import { AppError, notFound, type ErrorText } from "@/server/errors";
import type { Actor } from "@/server/services/actor";

type Tx = Prisma.TransactionClient;

/** A vacancy's details: what its settings form shows and changes. */
export const vacancyDetailsSelect = {
  title: true,
  department: true,
  location: true,
  posts: true,
  status: true,
  opensOn: true,
  closesOn: true,
} satisfies Prisma.VacancySelect;

export const ONLY_MANAGERS: ErrorText = { key: "vacancy.onlyManagers" };

/** Whether the actor may change a vacancy whose managers are `managerIds`. */
export function canEditVacancy(actor: Actor, managerIds: readonly string[]): boolean {
  return roleHas(actor.role, "vacancies:write") && (actor.role === "ADMIN" || managerIds.includes(actor.userId));
}

/** The organisation's vacancy, checked to be changeable by the actor (NOT_FOUND, then FORBIDDEN). */
export async function vacancyToChange(tx: Tx, actor: Actor, vacancyId: string) {
  const vacancy = await tx.vacancy.findFirst({
    where: { id: vacancyId, orgId: actor.orgId },
    select: { id: true, ...vacancyDetailsSelect, updatedAt: true, planUpdatedAt: true, managers: { select: { userId: true } } },
  });
  if (!vacancy) throw notFound("Vacancy");
  if (!canEditVacancy(actor, vacancy.managers.map((m) => m.userId))) throw new AppError("FORBIDDEN", ONLY_MANAGERS);
  return vacancy;
}

/** Managers must be hiring managers or admins of the organisation (deduplicated, in the order given). */
export async function assertManagerChoices(tx: Tx, orgId: string, userIds: string[], field = "managerIds"): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return unique;
  const members = await tx.membership.findMany({
    where: { orgId, userId: { in: unique }, role: { in: ["HIRING_MANAGER", "ADMIN"] } },
    select: { userId: true },
  });
  const allowed = new Set(members.map((m) => m.userId));
  if (unique.some((id) => !allowed.has(id))) {
    throw new AppError("BAD_REQUEST", { key: "vacancy.managersMustBeManagers" }, field);
  }
  return unique;
}
