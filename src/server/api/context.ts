// The tRPC context inside Next.js (server components, route handlers): the same as the API server's,
// read from the request Next.js is serving.
import "server-only";
import { headers } from "next/headers";
import { sessionIsCurrent } from "@/server/services/auth/session-version";
import { contextFromHeaders } from "./request-context";
import type { Context } from "./trpc";

export { ORG_COOKIE } from "./request-context";

export async function sessionUserId(): Promise<string | null> {
  return (await createRequestContext()).userId;
}

/**
 * Pages and route handlers see a signed-out token as no session at all (so they send the visitor to sign
 * in); the API server instead checks it where the membership is read, to keep a rating save one statement.
 */
export async function createRequestContext(): Promise<Context> {
  const context = await contextFromHeaders(new Headers(await headers()));
  if (context.userId && context.sessionVersion !== undefined && !(await sessionIsCurrent(context.db, context.userId, context.sessionVersion))) {
    return { ...context, userId: null, sessionVersion: undefined };
  }
  return context;
}
