// Keyset pages for the REST API's lists: items ordered by (a time, id) ascending, each page starting after
// the last item of the one before, so a sync that walks the pages while records change misses none and
// repeats none, and every page costs one index range read however deep it is.
import { Prisma } from "@/generated/prisma/client";

export type KeysetPage = {
  /** The (time, id) of the previous page's last item. */
  after: { at: Date; id: string } | null;
  /** Items changed at or after this time only. */
  since: Date | null;
  limit: number;
};

/** The condition on a row's (time, id) SQL expressions; LIMIT is the caller's (limit + 1, to see a next page). */
export function keysetCondition(page: KeysetPage, at: Prisma.Sql, id: Prisma.Sql): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (page.after) parts.push(Prisma.sql`(${at}, ${id}) > (${page.after.at}, ${page.after.id})`);
  if (page.since) parts.push(Prisma.sql`${at} >= ${page.since}`);
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/** The page's items and the key to continue after (null on the last page). */
export function pageResult<T>(rows: T[], limit: number, keyOf: (row: T) => { at: Date; id: string }) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? keyOf(last) : null };
}
