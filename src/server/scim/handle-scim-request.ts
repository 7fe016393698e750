// The /scim/v2 transport: bearer token to organisation, path and method to one service call, and every
// answer as application/scim+json, errors in SCIM's error form. Services do the work (and the scoping).
import { Prisma } from "@/generated/prisma/client";
import { badRequestForDataException, isDataException } from "@/server/api/database-input-error";
import { findUnstorableText } from "@/server/api/input-guard";
import { db } from "@/server/db";
import { logger } from "@/server/log/logger";
import { authenticateScimToken } from "@/server/services/scim/authenticate-scim-token";
import { createScimGroup } from "@/server/services/scim/create-scim-group";
import { createScimUser } from "@/server/services/scim/create-scim-user";
import { deleteScimGroup } from "@/server/services/scim/delete-scim-group";
import { deleteScimUser } from "@/server/services/scim/delete-scim-user";
import { getScimGroup } from "@/server/services/scim/get-scim-group";
import { getScimUser } from "@/server/services/scim/get-scim-user";
import { listScimGroups } from "@/server/services/scim/list-scim-groups";
import { listScimUsers } from "@/server/services/scim/list-scim-users";
import { patchScimGroup } from "@/server/services/scim/patch-scim-group";
import { patchScimUser } from "@/server/services/scim/patch-scim-user";
import { replaceScimGroup } from "@/server/services/scim/replace-scim-group";
import { replaceScimUser } from "@/server/services/scim/replace-scim-user";
import { pagingFrom } from "@/server/services/scim/_shared/paging";
import type { ScimClient } from "@/server/services/scim/_shared/scim-client";
import { ScimError } from "@/server/services/scim/_shared/scim-error";
import { resourceTypes, schemas, serviceProviderConfig } from "./scim-discovery";

const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
/** A SCIM body is one resource or a PATCH: far below the app's 2 MiB, even for a group of thousands. */
const MAX_BODY_BYTES = 1024 * 1024;

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

function respond({ status, body, headers = {} }: Answer): Response {
  const common = { "Cache-Control": "no-store", ...headers };
  if (body === undefined) return new Response(null, { status, headers: common });
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/scim+json; charset=utf-8", ...common } });
}

function errorAnswer(status: number, detail: string, scimType?: string, headers?: Record<string, string>): Answer {
  return { status, body: { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail }, headers };
}

/**
 * Text PostgreSQL cannot store (a NUL character, a lone surrogate), refused by field as tRPC and the REST API
 * refuse it (src/server/api/input-guard.ts), before any of it reaches a query.
 */
function refuseUnstorable(value: unknown): void {
  const found = findUnstorableText(value);
  if (found) throw new ScimError(400, found.message, "invalidValue");
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ScimError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new ScimError(400, "The body is not valid JSON.", "invalidSyntax");
  }
  refuseUnstorable(body);
  return body;
}

const withMembers = (params: URLSearchParams) => !/\bmembers\b/i.test(params.get("excludedAttributes") ?? "");

async function route(request: Request, client: ScimClient, [collection, id, ...rest]: string[]): Promise<Answer> {
  const params = new URL(request.url).searchParams;
  const method = request.method.toUpperCase();
  if (rest.length > 0) throw new ScimError(404, "No such SCIM endpoint.");
  // The id in the path (Next decodes %00 in it) and the query, as the body is checked in readBody.
  refuseUnstorable({ ...(id === undefined ? {} : { id }), ...Object.fromEntries(params) });
  if (collection === "Users") {
    if (!id && method === "GET") return { status: 200, body: await listScimUsers(db(), client, { filter: params.get("filter"), ...pagingFrom(params) }) };
    if (!id && method === "POST") {
      const user = await createScimUser(db(), client, await readBody(request));
      return { status: 201, body: user, headers: { Location: user.meta.location } };
    }
    if (id && method === "GET") return { status: 200, body: await getScimUser(db(), client, id) };
    if (id && method === "PUT") return { status: 200, body: await replaceScimUser(db(), client, id, await readBody(request)) };
    if (id && method === "PATCH") return { status: 200, body: await patchScimUser(db(), client, id, await readBody(request)) };
    if (id && method === "DELETE") return { status: 204, body: await deleteScimUser(db(), client, id) };
  }
  if (collection === "Groups") {
    if (!id && method === "GET") {
      return { status: 200, body: await listScimGroups(db(), client, { filter: params.get("filter"), withMembers: withMembers(params), ...pagingFrom(params) }) };
    }
    if (!id && method === "POST") {
      const group = await createScimGroup(db(), client, await readBody(request));
      return { status: 201, body: group, headers: { Location: group.meta.location } };
    }
    if (id && method === "GET") return { status: 200, body: await getScimGroup(db(), client, id, withMembers(params)) };
    if (id && method === "PUT") return { status: 200, body: await replaceScimGroup(db(), client, id, await readBody(request)) };
    if (id && method === "PATCH") {
      const group = await patchScimGroup(db(), client, id, await readBody(request));
      // 204 as Entra ID and Okta expect for membership edits; the resource when the caller asks for attributes.
      return params.has("attributes") ? { status: 200, body: group } : { status: 204 };
    }
    if (id && method === "DELETE") return { status: 204, body: await deleteScimGroup(db(), client, id) };
  }
  if (collection === "Users" || collection === "Groups") throw new ScimError(405, `${method} is not supported here.`);
  throw new ScimError(404, "No such SCIM endpoint.");
}

function discovery(segments: string[]): Answer | null {
  const [what, id] = segments;
  if (what === "ServiceProviderConfig" && !id) return { status: 200, body: serviceProviderConfig() };
  const list = what === "ResourceTypes" ? resourceTypes() : what === "Schemas" ? schemas() : null;
  if (!list) return null;
  if (!id) return { status: 200, body: list };
  const one = list.Resources.find((r) => r.id === id);
  return one ? { status: 200, body: one } : errorAnswer(404, `No ${what} ${id}.`);
}

/** Answers one request under /scim/v2; `segments` is the path after it (e.g. ["Users", "<id>"]). */
export async function handleScimRequest(request: Request, segments: string[]): Promise<Response> {
  try {
    const found = request.method === "GET" ? discovery(segments) : null;
    if (found) return respond(found);
    const auth = await authenticateScimToken(db(), request.headers.get("authorization"));
    if ("retryAfterSeconds" in auth) {
      return respond(errorAnswer(429, "Too many requests with this SCIM token: try again later.", "tooMany", { "Retry-After": String(auth.retryAfterSeconds) }));
    }
    return respond(await route(request, auth, segments));
  } catch (error) {
    if (error instanceof ScimError) {
      return respond(errorAnswer(error.status, error.message, error.scimType, error.status === 401 ? { "WWW-Authenticate": 'Bearer realm="scim"' } : undefined));
    }
    // Two requests creating the same person at once: the database's unique index answers for the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return respond(errorAnswer(409, "A resource with these unique attributes already exists.", "uniqueness"));
    }
    // A value PostgreSQL refused (SQLSTATE class 22): the request's, as tRPC and the REST API answer it.
    if (isDataException(error)) {
      return respond(errorAnswer(400, badRequestForDataException(undefined).message, "invalidValue"));
    }
    logger.error({ err: error, path: segments.join("/") }, "SCIM request failed");
    return respond(errorAnswer(500, "The request could not be completed."));
  }
}
