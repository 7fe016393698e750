// Hardening that lives in configuration and services: cookie attributes, the production secret,
// sessions that end, and the password policy wherever a password is set.
import { getServerSession } from "next-auth";
import { encode, type JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertProductionSecret, authSecret, productionSecretProblem } from "@/env";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "@/server/auth/auth-options";
import { sessionUserIdFromCookies } from "@/server/auth/session-token";
import { db } from "@/server/db";
import { callerFor, createUser, unique } from "./factories";
import { interviewSetup } from "./interview-factories";
import { failure } from "./script-factories";

const SECRET = "integration-secret-0123456789abcdef0123456789";
const saved: Record<string, string | undefined> = {};
const ENV_KEYS = ["NEXTAUTH_URL", "NEXTAUTH_SECRET", "NODE_ENV", "NEXT_PHASE"] as const;
const setEnv = (key: (typeof ENV_KEYS)[number], value: string | undefined) => {
  // NODE_ENV is typed read-only; tests set it like any other variable.
  const env = process.env as Record<string, string | undefined>;
  if (value === undefined) delete env[key];
  else env[key] = value;
};

beforeEach(() => {
  for (const key of ENV_KEYS) saved[key] = process.env[key];
  setEnv("NEXTAUTH_SECRET", SECRET);
  setEnv("NEXTAUTH_URL", "http://localhost:3000");
});
afterEach(() => {
  for (const key of ENV_KEYS) setEnv(key, saved[key]);
});

describe("session cookies", () => {
  it("are httpOnly and SameSite=Lax, without Secure on plain-http localhost", () => {
    const options = authOptions();
    expect(options.useSecureCookies).toBe(false);
    const cookies = Object.values(options.cookies ?? {});
    expect(cookies).toHaveLength(6);
    for (const cookie of cookies) {
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
      expect(cookie.name).not.toMatch(/^__(Secure|Host)-/);
    }
    expect(options.cookies?.sessionToken?.name).toBe("next-auth.session-token");
  });

  it("are Secure with __Host-/__Secure- names when the app is served over https", () => {
    setEnv("NEXTAUTH_URL", "https://panelkit.example.org");
    const options = authOptions();
    expect(options.useSecureCookies).toBe(true);
    for (const cookie of Object.values(options.cookies ?? {})) {
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
      expect(cookie.name).toMatch(/^__(Secure|Host)-next-auth\./);
    }
    expect(options.cookies?.sessionToken?.name).toBe("__Host-next-auth.session-token");
    expect(options.cookies?.csrfToken?.name).toBe("__Host-next-auth.csrf-token");
  });
});

describe("the session secret in production", () => {
  it("is required, with a message that says how to make one", () => {
    setEnv("NODE_ENV", "production");
    setEnv("NEXTAUTH_SECRET", undefined);
    expect(productionSecretProblem()).toMatch(/NEXTAUTH_SECRET is required in production: set it to 32\+ random characters/);
    expect(() => assertProductionSecret()).toThrow(/NEXTAUTH_SECRET is required in production/);
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET is required in production/);
    expect(() => authOptions()).toThrow(/NEXTAUTH_SECRET is required in production/);
  });

  it("must be at least 32 characters", () => {
    setEnv("NODE_ENV", "production");
    setEnv("NEXTAUTH_SECRET", "too-short-secret");
    expect(productionSecretProblem()).toBe(
      "NEXTAUTH_SECRET is too short (16 characters): use 32+ random characters (e.g. `openssl rand -base64 32`).",
    );
    expect(() => authOptions()).toThrow(/too short/);
  });

  it("is accepted when long enough, and not needed while building or outside production", () => {
    setEnv("NODE_ENV", "production");
    expect(productionSecretProblem()).toBeNull();
    expect(authSecret()).toBe(SECRET);
    setEnv("NEXTAUTH_SECRET", undefined);
    expect(productionSecretProblem({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toBeNull();
    expect(productionSecretProblem({ NODE_ENV: "development" })).toBeNull();
  });
});

describe("sessions", () => {
  /** Asks next-auth for the session behind a cookie, as a page's getServerSession does; collects Set-Cookie. */
  async function sessionFor(token: string) {
    const setCookies: string[] = [];
    const res = {
      getHeader: () => setCookies,
      setHeader: (_name: string, value: string | string[]) => {
        setCookies.splice(0, setCookies.length, ...(Array.isArray(value) ? value : [value]));
      },
    };
    const req = { headers: { host: "localhost:3000" }, cookies: { "next-auth.session-token": token } };
    // The three-argument form is next-auth's API for a plain request/response pair.
    const session = await getServerSession(req as never, res as never, authOptions());
    return { session, setCookies };
  }

  async function tokenFor(userId: string, claims: Partial<JWT> = {}, maxAge = SESSION_MAX_AGE_SECONDS) {
    const now = Math.floor(Date.now() / 1000);
    return encode({ token: { sub: userId, signedInAt: now, ...claims }, secret: SECRET, maxAge });
  }

  it("last one working day: the token and the cookie both end after 8 hours", () => {
    const options = authOptions();
    expect(options.session?.maxAge).toBe(8 * 60 * 60);
    expect(options.jwt?.maxAge).toBe(8 * 60 * 60);
  });

  it("a current token gives the session and renews the cookie for at most 8 hours", async () => {
    const user = await createUser("Session Person");
    const { session, setCookies } = await sessionFor(await tokenFor(user.id));
    expect((session?.user as { id?: string } | undefined)?.id).toBe(user.id);
    const renewed = setCookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(renewed).toMatch(/HttpOnly/i);
    expect(renewed).toMatch(/SameSite=Lax/i);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(renewed ?? "")?.[1] ?? "");
    expect(expires - Date.now()).toBeLessThanOrEqual(SESSION_MAX_AGE_SECONDS * 1000 + 5_000);
  });

  it("refuses an expired token and clears the cookie", async () => {
    const user = await createUser("Expired Person");
    const expired = await tokenFor(user.id, {}, -60); // exp a minute ago, beyond jose's 15 s tolerance
    const { session, setCookies } = await sessionFor(expired);
    expect(session).toBeNull();
    expect(setCookies.find((c) => c.startsWith("next-auth.session-token="))).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });

  it("ends a session 8 hours after sign-in even if it was renewed since", async () => {
    const user = await createUser("Busy Person");
    const signedInAt = Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 60;
    const { session } = await sessionFor(await tokenFor(user.id, { signedInAt }));
    expect(session).toBeNull();
    const nearlyOver = Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS + 600;
    expect((await sessionFor(await tokenFor(user.id, { signedInAt: nearlyOver }))).session).not.toBeNull();
  });

  it("refuses a token signed with another secret", async () => {
    const user = await createUser("Forged Person");
    const forged = await encode({ token: { sub: user.id, signedInAt: Math.floor(Date.now() / 1000) }, secret: "x".repeat(40) });
    expect((await sessionFor(forged)).session).toBeNull();
  });
});

describe("the session read behind every API call and page (sessionUserIdFromCookies)", () => {
  const tokenFor = async (userId: string, claims: Partial<JWT> = {}, maxAge = SESSION_MAX_AGE_SECONDS) =>
    encode({ token: { sub: userId, signedInAt: Math.floor(Date.now() / 1000), ...claims }, secret: SECRET, maxAge });
  // Each case adds a cookie of its own, so the short per-Cookie-header cache never answers for another case.
  const cookieFor = (token: string, extra = unique("other")) => `${extra}=1; next-auth.session-token=${token}`;

  it("gives the user of a current token, and no one without a cookie", async () => {
    const user = await createUser("Cookie Person");
    expect(await sessionUserIdFromCookies(cookieFor(await tokenFor(user.id)))).toBe(user.id);
    expect(await sessionUserIdFromCookies("")).toBeNull();
    expect(await sessionUserIdFromCookies(`${unique("x")}=1`)).toBeNull();
  });

  it("refuses what next-auth's own session read refuses: expired, past 8 hours since sign-in, forged", async () => {
    const user = await createUser("Refused Person");
    const expired = await tokenFor(user.id, {}, -60);
    const outlived = await tokenFor(user.id, { signedInAt: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 60 });
    const forged = await encode({ token: { sub: user.id, signedInAt: Math.floor(Date.now() / 1000) }, secret: "x".repeat(40) });
    for (const token of [expired, outlived, forged, "not-a-token"]) {
      expect(await sessionUserIdFromCookies(cookieFor(token))).toBeNull();
    }
  });

  it("keeps a decoded session no longer than its token lives", async () => {
    const user = await createUser("Expiring Person");
    // Two seconds left of the working day since sign-in; the cache must not honour it any longer than that.
    const cookie = cookieFor(await tokenFor(user.id, { signedInAt: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS + 2 }));
    expect(await sessionUserIdFromCookies(cookie)).toBe(user.id);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await sessionUserIdFromCookies(cookie)).toBeNull();
  });

  it("reads a session cookie next-auth split into chunks", async () => {
    const user = await createUser("Chunked Person");
    const token = await tokenFor(user.id);
    const half = Math.floor(token.length / 2);
    const chunked = `${unique("c")}=1; next-auth.session-token.1=${token.slice(half)}; next-auth.session-token.0=${token.slice(0, half)}`;
    expect(await sessionUserIdFromCookies(chunked)).toBe(user.id);
  });

  it("uses the __Host- cookie name when the app runs on https", async () => {
    const user = await createUser("Secure Person");
    setEnv("NEXTAUTH_URL", "https://panelkit.example");
    const token = await tokenFor(user.id);
    expect(await sessionUserIdFromCookies(`${unique("s")}=1; __Host-next-auth.session-token=${token}`)).toBe(user.id);
    expect(await sessionUserIdFromCookies(cookieFor(token))).toBeNull();
  });
});

describe("the password policy wherever a password is set", () => {
  it("sign-up refuses a common password next to the password field and creates nothing", async () => {
    const email = `${unique("weak")}@test.example`;
    const error = await failure(
      callerFor(null).auth.signUp({ name: "Weak Person", email, password: "password1234", organizationName: unique("Weak Org") }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^This password is too easy to guess\./);
    expect(error.cause).toMatchObject({ field: "password" });
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
  });

  it("sign-up refuses a password built from the person's own name", async () => {
    const error = await failure(
      callerFor(null).auth.signUp({
        name: "Ada Lovelace",
        email: `${unique("ada")}@test.example`,
        password: "adalovelace1",
        organizationName: unique("Analytical Care"),
      }),
    );
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { field: "password" } });
  });

  it("sign-up refuses more than 128 characters before hashing", async () => {
    const error = await failure(
      callerFor(null).auth.signUp({ name: "Long", email: `${unique("long")}@test.example`, password: "orchid lantern ".repeat(9), organizationName: "Org" }),
    );
    expect(error.message).toMatch(/at most 128 characters/);
  });

  it("accepting an invitation refuses a weak password and leaves the link usable", async () => {
    const { manager } = await interviewSetup();
    const email = `${unique("invitee")}@example.org`;
    const { link } = await manager.invitations.create({ email });
    const token = link.split("/invite/")[1]!;
    const error = await failure(callerFor(null).invitations.accept({ token, name: "New Person", password: "iloveyou123" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { field: "password" } });
    expect(await callerFor(null).invitations.preview({ token })).toMatchObject({ status: "valid" });
    await callerFor(null).invitations.accept({ token, name: "New Person", password: "granite-meadow-tulip-7" });
    expect(await callerFor(null).invitations.preview({ token })).toMatchObject({ status: "used" });
  });
});
