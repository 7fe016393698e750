// One create per form submission. The client sends a key (a UUID made per submission) with each create; the
// first request claims the key in a transaction that stays open while the record is made, so a second
// request with the same key waits on the key's unique index and, once the first commits, gets its answer
// instead of making another record. A create that fails rolls the claim back: the submission can be sent again.
import type { Db } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

/** Keys are kept a day: long enough for any retry of one submission, short enough to stay a small table. */
const KEEP_KEYS_FOR = "1 day";

export type CreateOnceRequest = {
  userId: string;
  /** Absent for callers that send none (scripts, older clients): the create then simply runs. */
  key: string | undefined;
  /** What the key was first used for, e.g. "candidates.create". */
  action: string;
};

type Replay<T> = {
  /** What to keep for a repeat: ids only, never personal data or secrets. Defaults to the answer itself. */
  keep?: (result: T) => Prisma.InputJsonValue;
  /** The answer a repeat gets from what was kept. Defaults to the kept value. */
  replay?: (kept: Prisma.JsonValue) => T;
};

export async function createOnce<T>(
  db: Db,
  request: CreateOnceRequest,
  create: () => Promise<T>,
  { keep = (result) => result as Prisma.InputJsonValue, replay = (kept) => kept as T }: Replay<T> = {},
): Promise<T> {
  const { userId, key, action } = request;
  if (!key) return create();
  const answer = await db.$transaction(
    async (tx) => {
      // Waits while another transaction holds the same key uncommitted; 0 rows once that one has committed.
      const claimed = await tx.$executeRaw`
        INSERT INTO "IdempotencyKey" ("userId", "key", "action", "result")
        VALUES (${userId}, ${key}, ${action}, 'null'::jsonb)
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) {
        const earlier = await tx.idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId, key } } });
        if (earlier.action !== action) {
          throw new AppError("CONFLICT", { key: "request.formReused" });
        }
        return { repeated: true as const, value: replay(earlier.result) };
      }
      // The create runs on its own connection, outside this transaction: services open their own.
      const value = await create();
      await tx.idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { result: keep(value) } });
      return { repeated: false as const, value };
    },
    // The transaction lasts as long as the create; a repeat may wait as long for the first to finish.
    { timeout: 30_000 },
  );
  if (!answer.repeated) {
    await db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "createdAt" < now() - ${KEEP_KEYS_FOR}::interval`.catch(() => undefined);
  }
  return answer.value;
}
