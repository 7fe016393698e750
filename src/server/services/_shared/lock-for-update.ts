// Serialises writes to one row and checks a caller's precondition inside the write's own transaction.
// The REST API's If-Match is such a precondition: checked before the write's transaction, two clients
// holding the same ETag could both pass and the second would overwrite a change it never saw. With the row
// locked first, the second waits, then reads the first one's result and fails its check (412).
import { isDeepStrictEqual } from "node:util";
import { Prisma } from "@/generated/prisma/client";
import { AppError, type ErrorText } from "@/server/errors";

/** Runs inside the write's transaction, after the row is locked; throws to refuse the write. */
export type WritePrecondition = (tx: Prisma.TransactionClient) => Promise<void>;

const LOCKABLE = { Candidate: Prisma.raw('"Candidate"'), Interview: Prisma.raw('"Interview"'), Vacancy: Prisma.raw('"Vacancy"') } as const;

export async function lockForUpdate(
  tx: Prisma.TransactionClient,
  table: keyof typeof LOCKABLE,
  row: { id: string; orgId: string },
  precondition?: WritePrecondition,
): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM ${LOCKABLE[table]} WHERE id = ${row.id} AND "orgId" = ${row.orgId} FOR UPDATE`;
  await precondition?.(tx);
}

/**
 * The app's edit forms' precondition: `base` is the record's updatedAt as the form showed it (baseUpdatedAt,
 * optional), `current` the locked row's. A change made from an older state is refused with CONFLICT and
 * `message` rather than overwriting what its author never saw.
 */
export function refuseIfChangedSince(base: Date | undefined, current: Date, message: string | ErrorText): void {
  if (base && base.getTime() !== current.getTime()) throw new AppError("CONFLICT", message);
}

/** Locks the organisation's own row (where its settings are kept) for the rest of the write's transaction. */
export async function lockOrganization(tx: Prisma.TransactionClient, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
}

/** A list whose order means nothing (people on a panel, a vacancy's managers), as refuseIfShownChanged compares it. */
export const asSet = (ids: readonly string[]): string[] => [...new Set(ids)].sort();

/**
 * The precondition of forms that send the values they show (`shown`, optional) rather than an updatedAt: a
 * save is refused with CONFLICT and `message` when any of those values differs from the stored one (compared
 * by value, lists included), so it never puts back what its author did not see changed. A change elsewhere to
 * something the form does not show is no conflict. Read `stored` after locking the row.
 */
export function refuseIfShownChanged<T extends object>(shown: Partial<T> | undefined, stored: T, message: string | ErrorText): void {
  if (!shown) return;
  const changed = (Object.keys(shown) as (keyof T)[]).some((key) => !isDeepStrictEqual(shown[key], stored[key]));
  if (changed) throw new AppError("CONFLICT", message);
}
