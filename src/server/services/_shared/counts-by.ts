// Prisma's relation count (`select: { _count: { select: { children: true } } }`) groups the whole child table,
// every organisation's rows, before joining the groups to the few parents read (prisma/orm#23669): a full scan
// of the child table on every call. Services count children with a groupBy (or count) filtered by the parents'
// ids instead, which reads only those parents' children through the foreign key's index; the lint forbids the
// relation form (eslint.config.mjs, panelkit/no-prisma-relation-count; see also readProgressCards).

/** A `groupBy({ by: [key], _count: { _all: true } })`'s rows as a lookup: each id's count, 0 for ids without rows. */
export function countsBy<K extends string>(
  rows: ReadonlyArray<{ [P in K]: string | null } & { _count: { _all: number } }>,
  key: K,
): (id: string) => number {
  const counts = new Map<string | null, number>(rows.map((row) => [row[key], row._count._all]));
  return (id) => counts.get(id) ?? 0;
}
