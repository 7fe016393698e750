// The tRPC context inside Next.js (server components, route handlers): the same as the API server's,
// read from the request Next.js is serving.
import "server-only";
import { headers } from "next/headers";
import { sessionUserIdFromCookies } from "@/server/auth/session-token";
import { contextFromHeaders } from "./request-context";
import type { Context } from "./trpc";

export { ORG_COOKIE } from "./request-context";

export async function sessionUserId(): Promise<string | null> {
  return sessionUserIdFromCookies((await headers()).get("cookie") ?? "");
}

export async function createRequestContext(): Promise<Context> {
  return contextFromHeaders(new Headers(await headers()));
}
