// The REST API's vacancy list: keyset pages in order of last change (for sync, with updated_since), so a
// client reaches every vacancy, where the app's list shows the first 500 by status and title.
import { z } from "zod";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { Prisma } from "@/generated/prisma/client";
import { checkedRows } from "../_shared/checked-rows";
import { keysetCondition, pageResult, type KeysetPage } from "../_shared/keyset-page";
import { candidateCounts } from "./_shared/candidate-counts";
import { vacancyRow, vacancyRowSelect } from "./_shared/vacancy-row";

const keyRowSchema = z.object({ id: z.string(), updatedAt: z.date() });

export async function listVacanciesPage(db: Db, actor: Actor, input: KeysetPage) {
  requirePermission(actor, "candidates:read");
  const keys = checkedRows(
    keyRowSchema,
    await db.$queryRaw`SELECT "id", "updatedAt" FROM "Vacancy"
      WHERE "orgId" = ${actor.orgId} AND ${keysetCondition(input, Prisma.raw(`"updatedAt"`), Prisma.raw(`"id"`))}
      ORDER BY "updatedAt", "id" LIMIT ${input.limit + 1}`,
  );
  const page = pageResult(keys, input.limit, (k) => ({ at: k.updatedAt, id: k.id }));
  const [vacancies, counts] = await Promise.all([
    db.vacancy.findMany({ where: { id: { in: page.items.map((k) => k.id) }, orgId: actor.orgId }, select: vacancyRowSelect }),
    candidateCounts(db, actor),
  ]);
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  return {
    items: page.items.flatMap((k) => {
      const v = byId.get(k.id);
      return v ? [vacancyRow(actor, v, counts.get(v.id))] : [];
    }),
    next: page.next,
  };
}
