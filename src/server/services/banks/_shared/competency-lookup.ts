import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/**
 * Competency ids by slug among those an organisation rates against (built-in, or its own when orgId is
 * given). An organisation's own competency wins over a built-in one with the same slug.
 */
export async function competencyIdsBySlug(tx: Tx, orgId: string | null, slugs: readonly string[]): Promise<Map<string, string>> {
  const found = await tx.competency.findMany({
    where: { slug: { in: [...new Set(slugs)] }, archived: false, OR: [{ orgId: null }, ...(orgId ? [{ orgId }] : [])] },
    select: { id: true, slug: true, orgId: true },
  });
  const idBySlug = new Map<string, string>();
  for (const c of found.filter((c) => c.orgId === null)) idBySlug.set(c.slug, c.id);
  for (const c of found.filter((c) => c.orgId !== null)) idBySlug.set(c.slug, c.id);
  return idBySlug;
}

/** The ids of `slugs` in order; an unknown slug is a BAD_REQUEST naming `field`. */
export function requireCompetencyIds(idBySlug: ReadonlyMap<string, string>, slugs: readonly string[], field: string, questionNumber?: number) {
  return slugs.map((slug) => {
    const id = idBySlug.get(slug);
    if (!id) throw new AppError("BAD_REQUEST", questionNumber ? { key: "bank.unknownCompetencyOf", values: { number: String(questionNumber), slug } } : { key: "bank.unknownCompetency", values: { slug } }, field);
    return id;
  });
}
