// Who a request is signed in as, from the next-auth session cookie alone: the same JWT decryption and the
// same 8-hour rule as next-auth's session read (auth-options.ts), without needing a Next.js request scope,
// so the API server (src/server/http/app-server.ts) and the pages share one answer.
import "server-only";
import { getToken } from "next-auth/jwt";
// Next.js's own cookie parser (the one behind cookies() in next/headers).
import { parse as parseCookie } from "cookie";
import { authSecret } from "@/env";
import { authCookies, SESSION_MAX_AGE_SECONDS, sessionOutlived, usesSecureCookies } from "./auth-options";

/**
 * Decrypting a session (a key derivation and an AES-GCM pass, about 0.5 ms of CPU) was a large share of a
 * rating save's cost under load. The answer depends only on the cookies sent, so it is kept per Cookie header
 * until the token itself would be refused (its `exp`, or 8 hours after sign-in), and at most SESSION_CACHE_MS:
 * a panelist saving every few seconds pays for it once in a while, not every 5 s as when the cache held
 * answers for 5 s only (at a save every 3 to 5 s per panelist most saves decoded). Nothing is honoured that
 * the token would not be: memberships, roles and sign-out (the session version) are still checked against
 * the database on every request. Refusals (no session) are kept for REFUSAL_CACHE_MS only.
 */
export const SESSION_CACHE_MS = 10 * 60_000;
const REFUSAL_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
export type SessionClaims = { userId: string; sessionVersion: number };
type Decoded = { session: SessionClaims; expiresAtMs: number } | null;
const sessionCache = new Map<string, { session: SessionClaims | null; until: number }>();

async function decodeSession(cookieHeader: string, secure: boolean): Promise<Decoded> {
  if (!cookieHeader) return null;
  const token = await getToken({
    // Only the cookie counts: an empty header list keeps getToken from accepting a bearer token instead.
    req: { cookies: parseCookie(cookieHeader), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authSecret(),
    secureCookie: secure,
    cookieName: authCookies(secure).sessionToken.name,
  });
  if (!token || typeof token.sub !== "string") return null;
  if (sessionOutlived(token.signedInAt, Math.floor(Date.now() / 1000))) return null;
  // When getToken would next refuse it: the JWT's exp, or the end of the working day since sign-in.
  const expiresAtSeconds = Math.min(
    typeof token.exp === "number" ? token.exp : Number.POSITIVE_INFINITY,
    (token.signedInAt as number) + SESSION_MAX_AGE_SECONDS,
  );
  return {
    // Tokens issued before session versions existed count as version 0, the column's default.
    session: { userId: token.sub, sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : 0 },
    expiresAtMs: expiresAtSeconds * 1000,
  };
}

/**
 * The user and session version a Cookie header's token claims, or null (no cookie, a bad or expired
 * token). Whether that version is still current (not signed out since) is checked against the database by
 * whoever reads the user's memberships: see resolveActor and cell-write-sql.ts.
 */
export async function sessionFromCookies(cookieHeader: string): Promise<SessionClaims | null> {
  const secure = usesSecureCookies();
  // The cookie's name depends on whether the app runs on https: the same header may mean another thing.
  const key = secure ? `s ${cookieHeader}` : `p ${cookieHeader}`;
  const now = Date.now();
  const cached = sessionCache.get(key);
  if (cached && cached.until > now) return cached.session;
  const decoded = await decodeSession(cookieHeader, secure);
  if (sessionCache.size >= SESSION_CACHE_MAX) {
    for (const [old, entry] of sessionCache) if (entry.until <= now) sessionCache.delete(old);
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  }
  const until = decoded ? Math.min(now + SESSION_CACHE_MS, decoded.expiresAtMs) : now + REFUSAL_CACHE_MS;
  sessionCache.set(key, { session: decoded?.session ?? null, until });
  return decoded?.session ?? null;
}

/** The user id a Cookie header's token claims (not checked against sign-out: see sessionFromCookies). */
export async function sessionUserIdFromCookies(cookieHeader: string): Promise<string | null> {
  return (await sessionFromCookies(cookieHeader))?.userId ?? null;
}
