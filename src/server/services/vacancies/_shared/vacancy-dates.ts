// A vacancy's opening and closing dates: stored as DATE columns, sent and typed as YYYY-MM-DD.

/** "2026-12-05" as the Date Prisma stores in a DATE column (midnight UTC). */
export function toDateColumn(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

/** A DATE column's value as YYYY-MM-DD. */
export function fromDateColumn(value: Date | null): string | null {
  return value === null ? null : value.toISOString().slice(0, 10);
}
