// Failed sign-ins are limited per account and per client address. Counters live in Postgres so every
// app instance shares them and a restart doesn't reset them.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/server/db";

export const SIGN_IN_LIMITS = {
  perAccount: { points: 5, durationSeconds: 15 * 60 },
  perAddress: { points: 30, durationSeconds: 15 * 60 },
} as const;

type Limiters = { account: RateLimiterPrisma; address: RateLimiterPrisma };
const limiterCache = new WeakMap<Db, Limiters>();

function limiters(db: Db): Limiters {
  let cached = limiterCache.get(db);
  if (!cached) {
    const common = { storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: false };
    cached = {
      account: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signin-account",
        points: SIGN_IN_LIMITS.perAccount.points,
        duration: SIGN_IN_LIMITS.perAccount.durationSeconds,
      }),
      address: new RateLimiterPrisma({
        ...common,
        keyPrefix: "signin-address",
        points: SIGN_IN_LIMITS.perAddress.points,
        duration: SIGN_IN_LIMITS.perAddress.durationSeconds,
      }),
    };
    limiterCache.set(db, cached);
  }
  return cached;
}

/** Seconds until another attempt is allowed, or 0 when the account and address may try now. */
export async function secondsUntilSignInAllowed(db: Db, email: string, address: string): Promise<number> {
  const { account, address: byAddress } = limiters(db);
  const [a, b] = await Promise.all([account.get(email), byAddress.get(address)]);
  const blocked = [
    [a, SIGN_IN_LIMITS.perAccount.points],
    [b, SIGN_IN_LIMITS.perAddress.points],
  ] as const;
  let wait = 0;
  for (const [res, points] of blocked) {
    if (res && res.consumedPoints >= points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
  }
  return wait;
}

export async function recordFailedSignIn(db: Db, email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters(db);
  // consume() rejects with a RateLimiterRes once the limit is passed; the count is still recorded.
  const swallowLimit = (error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error;
  };
  await Promise.all([account.consume(email).catch(swallowLimit), byAddress.consume(address).catch(swallowLimit)]);
}

export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await limiters(db).account.delete(email);
}
