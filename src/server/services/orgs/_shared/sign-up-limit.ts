// Sign-ups per client address, so one machine can't mint accounts and organisations in bulk.
import { serverEnv } from "@/env";
import type { Db } from "@/server/db";
import { AppError, minutesOf } from "@/server/errors";
import { countAttempt } from "@/server/services/auth/_shared/attempt-counter";

export function signUpLimit() {
  const env = serverEnv();
  return { limit: Number(env.SIGNUP_LIMIT_PER_ADDRESS), seconds: Number(env.SIGNUP_LIMIT_WINDOW_MINUTES) * 60 };
}

/** Counts a sign-up from `address`; TOO_MANY_REQUESTS once the address is past its limit. */
export async function countSignUp(db: Db, address: string): Promise<void> {
  const wait = await countAttempt(db, `signup-address:${address}`, signUpLimit());
  if (wait > 0) throw new AppError("TOO_MANY_REQUESTS", { key: "auth.tooManySignUps", values: { minutes: minutesOf(wait) } });
}
