// Issue 13, sessions and sign-in: sign-out ends the session on the server, the failed sign-in limit holds
// under concurrent guesses, the limits' client address, the sign-up limit, sign-up that doesn't reveal
// registered emails, and an instance closed to public sign-up.
import { TRPCError } from "@trpc/server";
import { encode, type JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { contextFromHeaders } from "@/server/api/request-context";
import { authOptions } from "@/server/auth/auth-options";
import { hashPassword } from "@/server/auth/passwords";
import { db } from "@/server/db";
import { verifyPasswordSignIn, WRONG_CREDENTIALS } from "@/server/services/auth/verify-password-sign-in";
import { callerFor, createOrganization, unique } from "./factories";
import { cellsOf, createPanelInterview, rating } from "./scorecard-factories";

const SECRET = "integration-secret-0123456789abcdef0123456789";
const ENV_KEYS = [
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "PUBLIC_SIGNUP",
  "SIGNIN_LIMIT_PER_ACCOUNT",
  "SIGNUP_LIMIT_PER_ADDRESS",
] as const;
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const key of ENV_KEYS) saved[key] = process.env[key];
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});
afterEach(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as TRPCError);

/** The session token next-auth issues at sign-in, and the Cookie header a browser would send with it. */
async function signedInCookie(userId: string) {
  const jwt = authOptions().callbacks!.jwt!;
  const token = (await jwt({ token: { sub: userId }, user: { id: userId, email: null, name: null }, account: null } as never)) as JWT;
  const cookie = `${unique("c")}=1; next-auth.session-token=${await encode({ token, secret: SECRET })}`;
  return { token, cookie };
}

async function signOut(token: JWT) {
  await authOptions().events?.signOut?.({ token, session: undefined as never });
}

describe("signing out ends the session on the server", () => {
  it("refuses the signed-out token on API calls; another sign-in works", async () => {
    const { members } = await createOrganization(["HR"]);
    const { token, cookie } = await signedInCookie(members.HR.userId);
    const before = createCaller(await contextFromHeaders(new Headers({ cookie })));
    expect((await before.org.viewer()).user.id).toBe(members.HR.userId);
    expect(await before.candidates.list({})).toBeDefined();

    await signOut(token);

    const replay = createCaller(await contextFromHeaders(new Headers({ cookie })));
    expect((await errorOf(replay.org.viewer()))?.code).toBe("UNAUTHORIZED");
    expect((await errorOf(replay.candidates.list({})))?.code).toBe("UNAUTHORIZED");

    const again = await signedInCookie(members.HR.userId);
    expect((await createCaller(await contextFromHeaders(new Headers({ cookie: again.cookie }))).org.viewer()).user.id).toBe(members.HR.userId);
  });

  it("refuses a rating save (the one-statement write) with the signed-out token", async () => {
    const panel = await createPanelInterview();
    const panelist = panel.panelists[0];
    const { token, cookie } = await signedInCookie(panelist.userId);
    const caller = createCaller(await contextFromHeaders(new Headers({ cookie })));
    const card = await caller.scorecards.mine({ interviewId: panel.interviewId });
    const cell = cellsOf(card)[0]!;
    expect(await caller.scorecards.saveRating(rating(card.id, cell, 3, 0))).toMatchObject({ status: "saved" });

    await signOut(token);

    const replay = createCaller(await contextFromHeaders(new Headers({ cookie })));
    const refused = await errorOf(replay.scorecards.saveRating(rating(card.id, cell, 1, 1)));
    expect(refused?.code).toBe("UNAUTHORIZED");
    const stored = await db().rating.findFirst({ where: { scorecardId: card.id, itemId: cell.itemId, competencyId: cell.competencyId } });
    expect(stored?.score).toBe(3);
  });
});

async function userWithPassword(password: string) {
  const email = `${unique("signin")}@test.example`;
  await db().user.create({ data: { email, name: "Signer", passwordHash: await hashPassword(password) } });
  return email;
}

describe("failed sign-in limits", () => {
  it("hold under 20 concurrent wrong guesses: the right password afterwards is refused", async () => {
    const email = await userWithPassword("the right password");
    const guesses = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => verifyPasswordSignIn(db(), { email, password: `guess ${i}`, address: unique("ip") })),
    );
    expect(guesses.every((g) => g.status === "rejected")).toBe(true);
    const wrong = guesses.filter((g) => g.status === "rejected" && (g.reason as Error).message === WRONG_CREDENTIALS);
    expect(wrong.length).toBeLessThanOrEqual(5);
    await expect(verifyPasswordSignIn(db(), { email, password: "the right password", address: unique("ip") })).rejects.toThrow(
      /Too many failed sign-ins/,
    );
  });

  it("follow SIGNIN_LIMIT_PER_ACCOUNT", async () => {
    process.env.SIGNIN_LIMIT_PER_ACCOUNT = "2";
    const email = await userWithPassword("the right password");
    for (let i = 0; i < 2; i++) {
      await expect(verifyPasswordSignIn(db(), { email, password: "nope", address: unique("ip") })).rejects.toThrow(WRONG_CREDENTIALS);
    }
    await expect(verifyPasswordSignIn(db(), { email, password: "the right password", address: unique("ip") })).rejects.toThrow(
      /Too many failed sign-ins/,
    );
  });

  it("count the socket's address, not a client's X-Forwarded-For, when no proxy is trusted", async () => {
    const context = await contextFromHeaders(new Headers({ "x-forwarded-for": "198.51.100.77", "x-real-ip": "198.51.100.78" }));
    expect(context.clientAddress).not.toBe("198.51.100.77");
    expect(context.clientAddress).not.toBe("198.51.100.78");
  });
});

const signUpInput = (email = `${unique("founder")}@test.example`) => ({
  name: "Fatima Founder",
  email,
  password: "correct horse battery",
  organizationName: unique("Northside Care"),
});
const callerAt = (clientAddress: string) => createCaller({ db: db(), userId: null, preferredOrgId: null, clientAddress });

describe("sign-up", () => {
  it("answers the same for a registered email as for a new one, and changes nothing of the existing account", async () => {
    const taken = await userWithPassword("the owner's password");
    const before = await db().user.findUniqueOrThrow({ where: { email: taken }, include: { memberships: true } });
    const fresh = await callerAt(unique("ip")).auth.signUp(signUpInput());
    const existing = await callerAt(unique("ip")).auth.signUp(signUpInput(taken));
    expect(existing).toEqual(fresh);
    const after = await db().user.findUniqueOrThrow({ where: { email: taken }, include: { memberships: true } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.memberships).toEqual(before.memberships);
  });

  it("is limited per client address (SIGNUP_LIMIT_PER_ADDRESS)", async () => {
    process.env.SIGNUP_LIMIT_PER_ADDRESS = "2";
    const caller = callerAt(unique("ip"));
    await caller.auth.signUp(signUpInput());
    await caller.auth.signUp(signUpInput());
    const third = await errorOf(caller.auth.signUp(signUpInput()));
    expect(third?.code).toBe("TOO_MANY_REQUESTS");
    expect(third?.message).toMatch(/Too many sign-ups from your network/);
    // Another address is not affected.
    await callerAt(unique("ip")).auth.signUp(signUpInput());
  });

  it("can be closed to the public (PUBLIC_SIGNUP=off): refused with a clear message, sign-in hides the link", async () => {
    process.env.PUBLIC_SIGNUP = "off";
    const email = `${unique("closed")}@test.example`;
    const refused = await errorOf(callerAt(unique("ip")).auth.signUp(signUpInput(email)));
    expect(refused?.code).toBe("FORBIDDEN");
    expect(refused?.message).toBe("This Panelkit only admits invited people. Ask an admin of your organisation for an invitation.");
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
    expect((await callerFor(null).auth.signInOptions()).publicSignUp).toBe(false);
    delete process.env.PUBLIC_SIGNUP;
    expect((await callerFor(null).auth.signInOptions()).publicSignUp).toBe(true);
  });
});
