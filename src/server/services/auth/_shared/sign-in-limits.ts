// Failed sign-ins are limited per account and per client address (limits from the environment). Each
// attempt is counted before the password is checked, so concurrent guesses can't all pass one stale count.
import { serverEnv } from "@/env";
import type { Db } from "@/server/db";
import { countAttempt, forgetAttempts, uncountAttempt, type Window } from "./attempt-counter";

export function signInLimits(): { perAccount: Window; perAddress: Window } {
  const env = serverEnv();
  const seconds = Number(env.SIGNIN_LIMIT_WINDOW_MINUTES) * 60;
  return {
    perAccount: { limit: Number(env.SIGNIN_LIMIT_PER_ACCOUNT), seconds },
    perAddress: { limit: Number(env.SIGNIN_LIMIT_PER_ADDRESS), seconds },
  };
}

const accountKey = (email: string) => `signin-account:${email}`;
const addressKey = (address: string) => `signin-address:${address}`;

/** Counts a sign-in attempt; returns the seconds to wait when the account or the address is over its limit, else 0. */
export async function countSignInAttempt(db: Db, email: string, address: string): Promise<number> {
  const limits = signInLimits();
  const waits = await Promise.all([
    countAttempt(db, accountKey(email), limits.perAccount),
    countAttempt(db, addressKey(address), limits.perAddress),
  ]);
  return Math.max(...waits);
}

/** A successful sign-in clears the account's failures and was not a failure of its address. */
export async function signInSucceeded(db: Db, email: string, address: string): Promise<void> {
  await Promise.all([forgetAttempts(db, accountKey(email)), uncountAttempt(db, addressKey(address))]);
}
