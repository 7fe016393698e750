import { AppError, minutesOf } from "@/server/errors";
import type { Db } from "@/server/db";
import { dummyPasswordHash, verifyPassword } from "@/server/auth/passwords";
import { normalizeEmail } from "@/server/services/orgs/_shared/normalize";
import { countSignInAttempt, signInSucceeded } from "./_shared/sign-in-limits";

export const WRONG_CREDENTIALS = "Email or password is not right.";

/** Checks an email and password; returns the user, or throws with a message fit for the sign-in form. */
export async function verifyPasswordSignIn(db: Db, input: { email: string; password: string; address: string }) {
  const email = normalizeEmail(input.email);
  const wait = await countSignInAttempt(db, email, input.address);
  if (wait > 0) {
    throw new AppError("TOO_MANY_REQUESTS", { key: "auth.tooManySignIns", values: { minutes: minutesOf(wait) } });
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.passwordHash || !ok) throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  await signInSucceeded(db, email, input.address);
  return { id: user.id, name: user.name, email: user.email };
}
