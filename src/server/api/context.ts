// Builds the tRPC context for an HTTP request: the next-auth session's user and the chosen organisation.
import "server-only";
import { cookies, headers } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth/auth-options";
import { db } from "@/server/db";
import type { Context } from "./trpc";

export const ORG_COOKIE = "panelkit-org";

/**
 * Reading a next-auth session decrypts the JWT and re-encrypts a refreshed one (two key derivations and
 * two AES-GCM passes), which was a large share of a rating save's cost under load. The answer depends
 * only on the cookies sent, so it is kept briefly per Cookie header: a panelist saving every few seconds
 * pays for it once. The only effect is that a token expiring in the next SESSION_CACHE_MS is honoured
 * until then; memberships and roles are still read on every request (resolveActor).
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
const sessionCache = new Map<string, { userId: string | null; until: number }>();

export async function sessionUserId(): Promise<string | null> {
  const cookieHeader = (await headers()).get("cookie") ?? "";
  const now = Date.now();
  const cached = sessionCache.get(cookieHeader);
  if (cached && cached.until > now) return cached.userId;
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id ?? null;
  if (sessionCache.size >= SESSION_CACHE_MAX) {
    for (const [key, entry] of sessionCache) if (entry.until <= now) sessionCache.delete(key);
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
  }
  sessionCache.set(cookieHeader, { userId, until: now + SESSION_CACHE_MS });
  return userId;
}

export async function createRequestContext(): Promise<Context> {
  const [userId, cookieStore, headerList] = await Promise.all([sessionUserId(), cookies(), headers()]);
  const forwarded = headerList.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    db: db(),
    userId,
    preferredOrgId: cookieStore.get(ORG_COOKIE)?.value ?? null,
    clientAddress: forwarded || headerList.get("x-real-ip") || "unknown",
  };
}
