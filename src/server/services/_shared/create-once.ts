// One create per form submission. The client sends a key (a UUID made per submission) with each create; the
// first request claims the key in a transaction that stays open while the record is made, so a second
// request with the same key waits on the key's unique index and, once the first commits, gets its answer
// instead of making another record. A create that fails rolls the claim back: the submission can be sent again.
//
// Two modes. `createOnce` claims the key in a transaction of its own while the create runs on its own
// connection: quick creates, whose transaction ends long before the key's (30 s). `createOnceInTransaction`
// hands the create a function that claims the key inside the create's own transaction, so the key commits, or
// rolls back, with the record: for a create that may outlast the key's transaction (the candidate import waits
// for the organisation's lock and may run up to a minute). In the first mode such a create committed while the
// key's transaction expired and its claim rolled back; the person saw an error and the same key created again.
import type { Db } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

/** Keys are kept a day: long enough for any retry of one submission, short enough to stay a small table. */
const KEEP_KEYS_FOR = "1 day";

/** How long the key's transaction (and so a create run under it) may last. Tests shorten it to make a create slow. */
export const createOnceSettings = { keyTransactionTimeoutMs: 30_000 };

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

/**
 * Claims the key in `tx`: true when this request is the first; else the earlier request's kept result (it has
 * committed: the INSERT waited for it while it was open). The key used for another action is refused.
 */
async function claimKey(tx: Prisma.TransactionClient, { userId, key, action }: CreateOnceRequest & { key: string }) {
  // Waits while another transaction holds the same key uncommitted; 0 rows once that one has committed.
  const claimed = await tx.$executeRaw`
    INSERT INTO "IdempotencyKey" ("userId", "key", "action", "result")
    VALUES (${userId}, ${key}, ${action}, 'null'::jsonb)
    ON CONFLICT DO NOTHING`;
  if (claimed > 0) return { claimed: true as const };
  const earlier = await tx.idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId, key } } });
  return { claimed: false as const, kept: checkedKept(earlier, action) };
}

function checkedKept(earlier: { action: string; result: Prisma.JsonValue }, action: string) {
  if (earlier.action !== action) throw new AppError("CONFLICT", { key: "request.formReused" });
  return earlier.result;
}

function forgetOldKeys(db: Db) {
  return db.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "createdAt" < now() - ${KEEP_KEYS_FOR}::interval`.catch(() => undefined);
}

export async function createOnce<T>(
  db: Db,
  request: CreateOnceRequest,
  create: () => Promise<T>,
  { keep = (result) => result as Prisma.InputJsonValue, replay = (kept) => kept as T }: Replay<T> = {},
): Promise<T> {
  const { userId, key } = request;
  if (!key) return create();
  const answer = await db.$transaction(
    async (tx) => {
      const claim = await claimKey(tx, { ...request, key });
      if (!claim.claimed) return { repeated: true as const, value: replay(claim.kept) };
      // The create runs on its own connection, outside this transaction: services open their own.
      const value = await create();
      await tx.idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { result: keep(value) } });
      return { repeated: false as const, value };
    },
    // The transaction lasts as long as the create; a repeat may wait as long for the first to finish.
    { timeout: createOnceSettings.keyTransactionTimeoutMs },
  );
  if (!answer.repeated) await forgetOldKeys(db);
  return answer.value;
}

/**
 * What `createOnceInTransaction` hands the create: call it first thing inside the create's own transaction,
 * with the work that makes the record. It claims the key there (a repeat waits for the first to commit and
 * gets its answer without doing the work), runs the work and keeps its answer, all in that one commit.
 */
export type OnceInTransaction<T> = (tx: Prisma.TransactionClient, work: () => Promise<T>) => Promise<T>;

/** As `createOnce`, for a create that opens its own transaction and may outlast the key's transaction. */
export async function createOnceInTransaction<T>(
  db: Db,
  request: CreateOnceRequest,
  create: (once: OnceInTransaction<T>) => Promise<T>,
  { keep = (result) => result as Prisma.InputJsonValue, replay = (kept) => kept as T }: Replay<T> = {},
): Promise<T> {
  const { userId, key } = request;
  if (!key) return create((_tx, work) => work());
  // A repeat after the first committed is answered at once, without the create's work before its transaction
  // (the import reads the whole file again first).
  const committed = await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } }, select: { action: true, result: true } });
  if (committed) return replay(checkedKept(committed, request.action));
  let made = false;
  const value = await create(async (tx, work) => {
    const claim = await claimKey(tx, { ...request, key });
    if (!claim.claimed) return replay(claim.kept);
    const result = await work();
    await tx.idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { result: keep(result) } });
    made = true;
    return result;
  });
  if (made) await forgetOldKeys(db);
  return value;
}
