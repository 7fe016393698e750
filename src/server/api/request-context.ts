// The tRPC context of an HTTP request, from its headers: the session cookie's user, the chosen
// organisation and the client's address. Used by the API server and, through context.ts, by pages.
import "server-only";
import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { sessionUserIdFromCookies } from "@/server/auth/session-token";
import { db } from "@/server/db";
import type { Context } from "./trpc";

export const ORG_COOKIE = "panelkit-org";

export async function contextFromHeaders(headers: Headers): Promise<Context> {
  const cookieHeader = headers.get("cookie") ?? "";
  const userId = await sessionUserIdFromCookies(cookieHeader);
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    db: db(),
    userId,
    preferredOrgId: cookieHeader.includes(ORG_COOKIE) ? (parseCookie(cookieHeader).get(ORG_COOKIE) ?? null) : null,
    clientAddress: forwarded || headers.get("x-real-ip") || "unknown",
  };
}
