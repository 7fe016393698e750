// Who a request is signed in as, from the next-auth session cookie alone: the same JWT decryption and the
// same 8-hour rule as next-auth's session read (auth-options.ts), without needing a Next.js request scope,
// so the API server (src/server/http/app-server.ts) and the pages share one answer.
import "server-only";
import { getToken } from "next-auth/jwt";
// Next.js's own cookie parser (the one behind cookies() in next/headers).
import { parse as parseCookie } from "cookie";
import { authSecret } from "@/env";
import { authCookies, sessionOutlived, usesSecureCookies } from "./auth-options";

/**
 * Decrypting a session (a key derivation and an AES-GCM pass) was a large share of a rating save's cost
 * under load. The answer depends only on the cookies sent, so it is kept briefly per Cookie header: a
 * panelist saving every few seconds pays for it once. The only effect is that a token expiring in the next
 * SESSION_CACHE_MS is honoured until then; memberships, roles and sign-out are still checked on every request.
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
export type SessionClaims = { userId: string; sessionVersion: number };
const sessionCache = new Map<string, { session: SessionClaims | null; until: number }>();

async function decodeSession(cookieHeader: string): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  const secure = usesSecureCookies();
  const token = await getToken({
    // Only the cookie counts: an empty header list keeps getToken from accepting a bearer token instead.
    req: { cookies: parseCookie(cookieHeader), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: authSecret(),
    secureCookie: secure,
    cookieName: authCookies(secure).sessionToken.name,
  });
  if (!token || typeof token.sub !== "string") return null;
  if (sessionOutlived(token.signedInAt, Math.floor(Date.now() / 1000))) return null;
  // Tokens issued before session versions existed count as version 0, the column's default.
  return { userId: token.sub, sessionVersion: typeof token.sessionVersion === "number" ? token.sessionVersion : 0 };
}

/**
 * The user and session version a Cookie header's token claims, or null (no cookie, a bad or expired
 * token). Whether that version is still current (not signed out since) is checked against the database by
 * whoever reads the user's memberships: see resolveActor and cell-write-sql.ts.
 */
export async function sessionFromCookies(cookieHeader: string): Promise<SessionClaims | null> {
  const now = Date.now();
  const cached = sessionCache.get(cookieHeader);
  if (cached && cached.until > now) return cached.session;
  const session = await decodeSession(cookieHeader);
  if (sessionCache.size >= SESSION_CACHE_MAX) {
    for (const [key, entry] of sessionCache) if (entry.until <= now) sessionCache.delete(key);
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  }
  sessionCache.set(cookieHeader, { session, until: now + SESSION_CACHE_MS });
  return session;
}

/** The user id a Cookie header's token claims (not checked against sign-out: see sessionFromCookies). */
export async function sessionUserIdFromCookies(cookieHeader: string): Promise<string | null> {
  return (await sessionFromCookies(cookieHeader))?.userId ?? null;
}
