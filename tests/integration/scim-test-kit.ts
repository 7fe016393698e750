// Calls /scim/v2 through its route handler, as an identity provider would over HTTP, with a token made by
// the organisation's admin in Settings.
import { encode, type JWT } from "next-auth/jwt";
import { PATCH as handler } from "@/app/scim/v2/[...path]/route";
import { authOptions } from "@/server/auth/auth-options";
import { callerFor } from "./factories";

export const SESSION_SECRET = "integration-secret-0123456789abcdef0123456789";
export const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/** What the tests read of an answer's body (a resource, a list or an error), loosely. */
export type ScimBody = Record<string, unknown> & {
  id: string;
  active?: boolean;
  displayName?: string;
  detail?: string;
  scimType?: string;
  totalResults?: number;
  Resources: Array<{ id: string }>;
  members?: unknown[];
};
export type ScimAnswer = { status: number; body: ScimBody; contentType: string | null };

/** One request to /scim/v2/<path> (path may carry a query string). */
export async function scim(token: string | null, method: string, path: string, body?: unknown): Promise<ScimAnswer> {
  const url = new URL(`http://localhost/scim/v2/${path}`);
  const request = new Request(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/scim+json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  // One handler serves every method (the route exports it under each name).
  const response = await handler(request, { params: Promise.resolve({ path: url.pathname.split("/").slice(3).filter(Boolean) }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as ScimBody, contentType: response.headers.get("content-type") };
}

export async function scimTokenFor(adminUserId: string): Promise<string> {
  return (await callerFor(adminUserId).scim.createToken()).token;
}

/** The session cookie next-auth issues at sign-in (needs NEXTAUTH_SECRET = SESSION_SECRET). */
export async function sessionCookieFor(userId: string): Promise<string> {
  const jwt = authOptions().callbacks!.jwt!;
  const token = (await jwt({ token: { sub: userId }, user: { id: userId, email: null, name: null }, account: null } as never)) as JWT;
  return `next-auth.session-token=${await encode({ token, secret: SESSION_SECRET })}`;
}
