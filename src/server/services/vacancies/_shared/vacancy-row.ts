// A vacancy as the list and its page show it: its fields, managers, candidate counts and whether the
// caller may change it.
import type { Prisma } from "@/generated/prisma/client";
import type { CandidateCounts, VacancyRow } from "@/lib/schemas/vacancies";
import type { Actor } from "@/server/services/actor";
import { noCandidates } from "./candidate-counts";
import { canEditVacancy, vacancyDetailsSelect } from "./vacancy-access";
import { fromDateColumn } from "./vacancy-dates";

export const vacancyRowSelect = {
  id: true,
  ...vacancyDetailsSelect,
  updatedAt: true,
  managers: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
} satisfies Prisma.VacancySelect;

type Selected = Prisma.VacancyGetPayload<{ select: typeof vacancyRowSelect }>;

export function vacancyRow(actor: Actor, vacancy: Selected, counts: CandidateCounts | undefined): VacancyRow {
  const managers = vacancy.managers.map((m) => ({ userId: m.user.id, name: m.user.name }));
  return {
    id: vacancy.id,
    title: vacancy.title,
    department: vacancy.department,
    location: vacancy.location,
    posts: vacancy.posts,
    status: vacancy.status,
    opensOn: fromDateColumn(vacancy.opensOn),
    closesOn: fromDateColumn(vacancy.closesOn),
    updatedAt: vacancy.updatedAt,
    managers,
    counts: counts ?? noCandidates(),
    canEdit: canEditVacancy(actor, managers.map((m) => m.userId)),
  };
}
