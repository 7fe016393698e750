import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/passwords";
import { signInLimits } from "@/server/services/auth/_shared/sign-in-limits";
import { verifyPasswordSignIn, WRONG_CREDENTIALS } from "@/server/services/auth/verify-password-sign-in";
import { callerFor, unique } from "./factories";

describe("sign-up", () => {
  it("creates the user and an organisation they administer", async () => {
    const email = `${unique("founder")}@Test.Example`;
    await callerFor(null).auth.signUp({
      name: "Fatima Founder",
      email,
      password: "correct horse battery",
      organizationName: "Northside Care",
    });
    const user = await db().user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    const userId = user.id;
    const membership = await db().membership.findFirstOrThrow({ where: { userId } });
    expect(membership.role).toBe("ADMIN");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const viewer = await callerFor(userId).org.viewer();
    expect(viewer.organization?.name).toBe("Northside Care");
  });

  it("answers a taken email as a new one without creating anything, and refuses a short password, naming the field", async () => {
    const email = `${unique("dup")}@test.example`;
    const input = { name: "A", email, password: "long enough pw", organizationName: "Org A" };
    const first = await callerFor(null).auth.signUp(input);
    expect(await callerFor(null).auth.signUp(input)).toEqual(first);
    expect(await db().membership.count({ where: { user: { email } } })).toBe(1);
    const short = (await callerFor(null)
      .auth.signUp({ ...input, email: `${unique("x")}@test.example`, password: "short" })
      .catch((e: unknown) => e)) as TRPCError;
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toMatch(/password: Password must be at least 10 characters/);
  });
});

describe("password sign-in", () => {
  async function userWithPassword(password: string) {
    const email = `${unique("signin")}@test.example`;
    await db().user.create({ data: { email, name: "Signer", passwordHash: await hashPassword(password) } });
    return email;
  }

  it("accepts the right password, case-insensitive email, and rejects a wrong one with one message", async () => {
    const email = await userWithPassword("the right password");
    const user = await verifyPasswordSignIn(db(), { email: email.toUpperCase(), password: "the right password", address: unique("ip") });
    expect(user.email).toBe(email);
    await expect(verifyPasswordSignIn(db(), { email, password: "wrong password", address: unique("ip") })).rejects.toThrow(
      WRONG_CREDENTIALS,
    );
    await expect(
      verifyPasswordSignIn(db(), { email: `${unique("nobody")}@test.example`, password: "whatever", address: unique("ip") }),
    ).rejects.toThrow(WRONG_CREDENTIALS);
  });

  it("locks an account after repeated failures, even for the right password, from any address", async () => {
    const email = await userWithPassword("the right password");
    for (let i = 0; i < signInLimits().perAccount.limit; i++) {
      await expect(verifyPasswordSignIn(db(), { email, password: `guess ${i}`, address: unique("ip") })).rejects.toThrow(
        WRONG_CREDENTIALS,
      );
    }
    await expect(verifyPasswordSignIn(db(), { email, password: "the right password", address: unique("ip") })).rejects.toThrow(
      /Too many failed sign-ins/,
    );
  });

  it("limits one address guessing across many accounts", async () => {
    const address = unique("ip");
    for (let i = 0; i < signInLimits().perAddress.limit; i++) {
      await verifyPasswordSignIn(db(), { email: `${unique("spray")}@test.example`, password: "x", address }).catch(() => undefined);
    }
    const email = await userWithPassword("the right password");
    await expect(verifyPasswordSignIn(db(), { email, password: "the right password", address })).rejects.toThrow(
      /Too many failed sign-ins/,
    );
  });

  it("keeps the counters in the database, shared by every app instance", async () => {
    const email = await userWithPassword("the right password");
    await verifyPasswordSignIn(db(), { email, password: "nope", address: unique("ip") }).catch(() => undefined);
    const row = await db().rateLimit.findUnique({ where: { key: `signin-account:${email}` } });
    expect(row?.points).toBe(1);
  });
});
