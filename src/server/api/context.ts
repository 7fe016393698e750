// Builds the tRPC context for an HTTP request: the next-auth session's user and the chosen organisation.
import "server-only";
import { cookies, headers } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth/auth-options";
import { db } from "@/server/db";
import type { Context } from "./trpc";

export const ORG_COOKIE = "panelkit-org";

export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
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
