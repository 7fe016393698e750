// The REST API's one request pipeline (/api/v1/*): key -> rate limit -> route -> scope and the creator's
// role -> path, query and body checked -> If-Match -> Idempotency-Key -> the service -> audit -> JSON with
// an ETag. Every error on the way is a problem-details body (problem.ts).
import { z } from "zod";
import { findUnstorableText } from "@/server/api/input-guard";
import { roleHas } from "@/server/auth/permissions";
import { db as defaultDb, type Db } from "@/server/db";
import { answerOnce, requestHash } from "@/server/services/api-keys/api-idempotency";
import { authenticateApiKey, scopePermission, type ApiKeyRefusal } from "@/server/services/api-keys/authenticate-api-key";
import { countApiRequest } from "@/server/services/api-keys/count-api-request";
import { recordApiWrite } from "@/server/services/api-keys/record-api-write";
import type { Endpoint, EndpointContext } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { openApiDocument } from "./openapi-document";
import { problem, problemFromError, validationProblem } from "./problem";
import { referencePage } from "./reference-page";
import { etagListed, etagOf, jsonAnswer } from "./representation";

const PREFIX = "/api/v1";
export const MAX_BODY_BYTES = 1_000_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const REFUSALS: Record<ApiKeyRefusal, string> = {
  unknown: "This API key is not known.",
  revoked: "This API key was revoked.",
  expired: "This API key has expired.",
  "creator-not-member": "The member who created this API key no longer belongs to the organisation: the key acts for nobody.",
};

type Route = { endpoint: Endpoint; params: Record<string, string> };

const compiled = ENDPOINTS.map((endpoint) => ({
  endpoint,
  pattern: new RegExp(`^${endpoint.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
}));

/** The answer to a body over MAX_BODY_BYTES (also given before reading it all, by the app server: rest-handler.ts). */
export const bodyTooLarge = () => problem(413, `The body may be at most ${MAX_BODY_BYTES} bytes.`);

function match(method: string, path: string): Route | { allowed: string[] } | null {
  const onPath = compiled.filter((c) => c.pattern.test(path));
  if (!onPath.length) return null;
  const hit = onPath.find((c) => c.endpoint.method === method);
  if (!hit) return { allowed: onPath.map((c) => c.endpoint.method) };
  const groups = hit.pattern.exec(path)?.groups ?? {};
  const params = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));
  return { endpoint: hit.endpoint, params };
}

function bearerKey(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const found = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return found?.[1] ?? null;
}

async function readBody(request: Request, endpoint: Endpoint): Promise<{ raw: string; value: unknown } | Response> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    return problem(415, `Send the body as application/json (got ${type || "no Content-Type"}).`);
  }
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return bodyTooLarge();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return problem(400, "The body is not valid JSON.", { errors: [{ field: "body", message: "Not valid JSON" }] });
  }
  const unstorable = findUnstorableText(value);
  if (unstorable) return problem(400, unstorable.message, { errors: [{ field: unstorable.field, message: unstorable.message }] });
  const parsed = endpoint.body!.safeParse(value);
  if (!parsed.success) return validationProblem(parsed.error, "body");
  return { raw, value: parsed.data };
}

function parseQuery(url: URL, endpoint: Endpoint): { value: unknown } | Response {
  const params = Object.fromEntries(url.searchParams);
  const unstorable = findUnstorableText(params);
  if (unstorable) return problem(400, unstorable.message, { errors: [{ field: unstorable.field, message: unstorable.message }] });
  const parsed = (endpoint.query ?? z.object({})).safeParse(params);
  return parsed.success ? { value: parsed.data } : validationProblem(parsed.error, "query");
}

async function serve(request: Request, database: Db): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) || "/" : url.pathname;
  // The contract and its reference are public: a developer reads them before they have a key.
  if (request.method === "GET" && path === "/openapi.json") return jsonAnswer(request, 200, openApiDocument());
  if (request.method === "GET" && (path === "/docs" || path === "/docs/")) {
    return new Response(referencePage(), { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
  }
  const route = match(request.method, path);
  if (!route) return problem(404, `There is no endpoint ${path} in API v1. See /api/v1/docs.`);
  if (!("endpoint" in route)) {
    return problem(405, `${request.method} is not allowed on ${path}; use ${route.allowed.join(", ")}.`, { headers: { Allow: route.allowed.join(", ") } });
  }
  const { endpoint, params } = route;

  const key = bearerKey(request);
  const unauthorized = { "WWW-Authenticate": 'Bearer realm="panelkit"' };
  if (!key) return problem(401, "Send an API key as Authorization: Bearer <key>.", { headers: unauthorized });
  const auth = await authenticateApiKey(database, key);
  if ("refused" in auth) return problem(401, REFUSALS[auth.refused], { headers: unauthorized });

  const wait = await countApiRequest(database, auth.apiKeyId);
  if (wait > 0) return problem(429, `This key has made too many requests; try again in ${wait} seconds.`, { headers: { "Retry-After": String(wait) } });

  if (!auth.scopes.includes(endpoint.scope)) {
    return problem(403, `This API key lacks the ${endpoint.scope} scope.`, { required_scope: endpoint.scope });
  }
  if (!roleHas(auth.actor.role, scopePermission[endpoint.scope])) {
    return problem(403, "The role of the member who created this API key does not allow this (the key acts for them, within its scopes).");
  }

  const query = parseQuery(url, endpoint);
  if (query instanceof Response) return query;
  const body = endpoint.body ? await readBody(request, endpoint) : { raw: "", value: undefined };
  if (body instanceof Response) return body;

  const ctx: EndpointContext<unknown, unknown> = {
    db: database,
    actor: auth.actor,
    apiKeyId: auth.apiKeyId,
    scopes: auth.scopes,
    params,
    query: query.value,
    body: body.value,
  };
  try {
    const ifMatch = request.headers.get("if-match");
    const current = endpoint.current;
    if (current && ifMatch !== null) {
      // Checked by the update's service inside its transaction, after it locks the row (see lock-for-update.ts).
      ctx.precondition = async (tx) => {
        const etag = etagOf(JSON.stringify(await current({ ...ctx, db: tx })));
        if (!etagListed(ifMatch, etag)) throw new PreconditionFailed(etag);
      };
    }

    const run = async () => {
      const result = await endpoint.run(ctx);
      const status = result.status ?? 200;
      if (result.changed) {
        await recordApiWrite(database, auth.actor, { apiKeyId: auth.apiKeyId, operationId: endpoint.operationId, entity: result.changed, status });
      }
      return { status, body: result.body as object, location: result.location };
    };

    const idempotencyKey = endpoint.idempotent ? request.headers.get("idempotency-key") : null;
    if (idempotencyKey === null) {
      const answer = await run();
      return jsonAnswer(request, answer.status, answer.body, answer.location ? { Location: answer.location } : {});
    }
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      return problem(400, "Idempotency-Key must be 1 to 255 printable ASCII characters (a UUID is ideal).", {
        errors: [{ field: "Idempotency-Key", message: "1 to 255 printable ASCII characters" }],
      });
    }
    let location: string | undefined;
    const once = await answerOnce(database, { apiKeyId: auth.apiKeyId, key: idempotencyKey, requestHash: requestHash(request.method, path, body.raw) }, async () => {
      const answer = await run();
      location = answer.location;
      return { status: answer.status, body: answer.body };
    });
    if (once.kind === "mismatch") {
      return problem(422, "This Idempotency-Key was already used for a different request; use a new key for a new request.");
    }
    const headers: Record<string, string> = once.kind === "replay" ? { "Idempotent-Replayed": "true" } : location ? { Location: location } : {};
    return jsonAnswer(request, once.answer.status, once.answer.body, headers);
  } catch (error) {
    if (error instanceof PreconditionFailed) {
      return problem(412, "The resource changed since you read it (If-Match does not name its current ETag). Read it again and reapply your change.", {
        headers: { ETag: error.etag },
      });
    }
    return problemFromError(error, body.value);
  }
}

/** If-Match named another ETag than the resource's current one (thrown inside the update's transaction). */
class PreconditionFailed extends Error {
  constructor(readonly etag: string) {
    super("If-Match does not name the current ETag");
  }
}

/** The route handler's work; `database` is for tests and benchmarks that bring their own client. */
export async function handleApiRequest(request: Request, database: Db = defaultDb()): Promise<Response> {
  try {
    return await serve(request, database);
  } catch (error) {
    return problemFromError(error);
  }
}
