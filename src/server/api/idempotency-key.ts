// The idempotency key every create accepts, and the one way routers use it: `createOnce` keyed by the
// caller, the key taken out of the input before the service sees it (`createOnceInTransaction` for a create
// that claims the key in its own transaction).
import { z } from "zod";
import { createOnce, createOnceInTransaction, type CreateOnceRequest, type OnceInTransaction } from "@/server/services/_shared/create-once";
import type { Db } from "@/server/db";

/** Spread into a create's input: `z.object({ ...fields, ...withIdempotencyKey })` or `.extend(withIdempotencyKey)`. */
export const withIdempotencyKey = {
  /** One per form submission (a UUID the browser makes); a repeat with the same key gets the first answer. */
  idempotencyKey: z.uuid("This form's submission key is not valid; reload the page.").optional(),
};

type Keyed = { idempotencyKey?: string };

export function onceForSubmission<I extends Keyed, T>(
  ctx: { db: Db; userId: string },
  action: CreateOnceRequest["action"],
  input: I,
  create: (input: Omit<I, "idempotencyKey">) => Promise<T>,
  replay?: Parameters<typeof createOnce<T>>[3],
): Promise<T> {
  const { idempotencyKey, ...rest } = input;
  return createOnce(ctx.db, { userId: ctx.userId, key: idempotencyKey, action }, () => create(rest), replay);
}

/** As `onceForSubmission`, for a service that takes `once` and calls it first thing in its own transaction. */
export function onceForSubmissionInTransaction<I extends Keyed, T>(
  ctx: { db: Db; userId: string },
  action: CreateOnceRequest["action"],
  input: I,
  create: (input: Omit<I, "idempotencyKey">, once: OnceInTransaction<T>) => Promise<T>,
): Promise<T> {
  const { idempotencyKey, ...rest } = input;
  return createOnceInTransaction(ctx.db, { userId: ctx.userId, key: idempotencyKey, action }, (once) => create(rest, once));
}
