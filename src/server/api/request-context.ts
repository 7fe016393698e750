// The tRPC context of an HTTP request, from its headers: the session cookie's user, the chosen
// organisation and the client's address. Used by the API server and, through context.ts, by pages.
import "server-only";
import { parse as parseCookie } from "cookie";
import { sessionFromCookies } from "@/server/auth/session-token";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-address";
import { db } from "@/server/db";
import { LOCALE_COOKIE } from "@/i18n/config";
import type { Context } from "./trpc";

export const ORG_COOKIE = "panelkit-org";

/** Only `get` is read, so the Node server passes its own headers without copying them into a Headers object. */
export async function contextFromHeaders(headers: Pick<Headers, "get">): Promise<Context> {
  const cookieHeader = headers.get("cookie") ?? "";
  const session = await sessionFromCookies(cookieHeader);
  return {
    db: db(),
    userId: session?.userId ?? null,
    sessionVersion: session?.sessionVersion,
    preferredOrgId: cookieHeader.includes(ORG_COOKIE) ? (parseCookie(cookieHeader)[ORG_COOKIE] ?? null) : null,
    // The app server (app-server.ts) derives it from the socket and TRUSTED_PROXIES and overwrites any copy
    // the client sent; X-Forwarded-For is never read here.
    clientAddress: headers.get(CLIENT_ADDRESS_HEADER) || "unknown",
    // Read only to word a refusal (localize-error.ts): the user's saved language comes first.
    localeCookie: cookieHeader.includes(LOCALE_COOKIE) ? (parseCookie(cookieHeader)[LOCALE_COOKIE] ?? null) : null,
    acceptLanguage: headers.get("accept-language"),
  };
}
