// Serialises writes to one row and checks a caller's precondition inside the write's own transaction.
// The REST API's If-Match is such a precondition: checked before the write's transaction, two clients
// holding the same ETag could both pass and the second would overwrite a change it never saw. With the row
// locked first, the second waits, then reads the first one's result and fails its check (412).
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
