// The REST API's one request pipeline (/api/v1/*): key -> rate limit -> route -> scope and the creator's
// role -> path, query and body checked -> If-Match -> Idempotency-Key -> the service -> audit -> JSON with
// an ETag. Every error on the way is a problem-details body (problem.ts), in the language of Accept-Language.
import { z } from "zod";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { findUnstorableText } from "@/server/api/input-guard";
import { errorTranslator } from "@/server/api/localize-error";
import { roleHas } from "@/server/auth/permissions";
import { db as defaultDb, type Db } from "@/server/db";
import { answerOnce, requestHash } from "@/server/services/api-keys/api-idempotency";
import { authenticateApiKey, scopePermission, type ApiKeyRefusal } from "@/server/services/api-keys/authenticate-api-key";
import { countApiRequest } from "@/server/services/api-keys/count-api-request";
import { recordApiWrite } from "@/server/services/api-keys/record-api-write";
import type { Endpoint, EndpointContext } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { openApiDocument } from "./openapi-document";
import { apiProblem, apiWords, problem, problemFromError, requestLocale, validationProblem } from "./problem";
import { referencePage } from "./reference-page";
import { etagListed, etagOf, jsonAnswer } from "./representation";

const PREFIX = "/api/v1";
export const MAX_BODY_BYTES = 1_000_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Each refusal of a key, by its message in the "api" namespace's problems. */
const REFUSALS: Record<ApiKeyRefusal, string> = {
  unknown: "keyUnknown",
  revoked: "keyRevoked",
  expired: "keyExpired",
  "creator-not-member": "keyCreatorGone",
};

type Route = { endpoint: Endpoint; params: Record<string, string> };

const compiled = ENDPOINTS.map((endpoint) => ({
  endpoint,
  pattern: new RegExp(`^${endpoint.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
}));

/** The answer to a body over MAX_BODY_BYTES (also given before reading it all, by the app server: rest-handler.ts). */
export const bodyTooLarge = (locale: Locale) => apiProblem(locale, 413, "bodyTooLarge", { max: String(MAX_BODY_BYTES) });

/** A path segment's %-escapes decoded; null when they are broken ("%E0%A4%A", a lone "%"). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function match(method: string, path: string): Route | { allowed: string[] } | { undecodable: string } | null {
  const onPath = compiled.filter((c) => c.pattern.test(path));
  if (!onPath.length) return null;
  const hit = onPath.find((c) => c.endpoint.method === method);
  if (!hit) return { allowed: onPath.map((c) => c.endpoint.method) };
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(hit.pattern.exec(path)?.groups ?? {})) {
    const decoded = decodeSegment(raw);
    if (decoded === null) return { undecodable: name };
    params[name] = decoded;
  }
  return { endpoint: hit.endpoint, params };
}

function bearerKey(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const found = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return found?.[1] ?? null;
}

/** Text that can't be stored, refused in `locale` (the guard's English is its message). */
function unstorableProblem(unstorable: NonNullable<ReturnType<typeof findUnstorableText>>, locale: Locale): Response {
  const message = locale === DEFAULT_LOCALE ? unstorable.message : errorTranslator(locale)(unstorable.key, { field: unstorable.field });
  return problem(400, message, { locale, errors: [{ field: unstorable.field, message }] });
}

async function readBody(request: Request, endpoint: Endpoint, locale: Locale): Promise<{ raw: string; value: unknown } | Response> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
    return type ? apiProblem(locale, 415, "wrongMediaType", { type }) : apiProblem(locale, 415, "noMediaType");
  }
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return bodyTooLarge(locale);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return apiProblem(locale, 400, "notJson", {}, { errors: [{ field: "body", message: apiWords(locale)("problems.notJsonField") }] });
  }
  const unstorable = findUnstorableText(value);
  if (unstorable) return unstorableProblem(unstorable, locale);
  const parsed = endpoint.body!.safeParse(value);
  if (!parsed.success) return validationProblem(parsed.error, "body", locale);
  // Dates parsed from the body's text, checked as the query's are (below).
  const outOfRange = findUnstorableText(parsed.data);
  if (outOfRange) return unstorableProblem(outOfRange, locale);
  return { raw, value: parsed.data };
}

function parseQuery(url: URL, endpoint: Endpoint, locale: Locale): { value: unknown } | Response {
  const params = Object.fromEntries(url.searchParams);
  const unstorable = findUnstorableText(params);
  if (unstorable) return unstorableProblem(unstorable, locale);
  const parsed = (endpoint.query ?? z.object({})).safeParse(params);
  if (!parsed.success) return validationProblem(parsed.error, "query", locale);
  // Dates are text until parsed: one outside the years 1 to 9999 ("0000-01-01T00:00:00Z", which the driver
  // cannot write) is refused by name now, with the message tRPC's input guard gives.
  const outOfRange = findUnstorableText(parsed.data);
  return outOfRange ? unstorableProblem(outOfRange, locale) : { value: parsed.data };
}

async function serve(request: Request, database: Db, locale: Locale): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) || "/" : url.pathname;
  // The contract and its reference are public: a developer reads them before they have a key.
  if (request.method === "GET" && path === "/openapi.json") return jsonAnswer(request, 200, openApiDocument());
  if (request.method === "GET" && (path === "/docs" || path === "/docs/")) {
    return new Response(referencePage(), { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
  }
  const route = match(request.method, path);
  if (!route) return apiProblem(locale, 404, "noEndpoint", { path });
  if ("allowed" in route) {
    const allowed = route.allowed.join(", ");
    return apiProblem(locale, 405, "methodNotAllowed", { method: request.method, path, allowed }, { headers: { Allow: allowed } });
  }
  // A path parameter is checked like the body and the query: told apart from a missing record, by its name.
  if ("undecodable" in route) {
    return apiProblem(locale, 400, "badPathEscape", {}, { errors: [{ field: route.undecodable, message: apiWords(locale)("problems.badPathEscapeField") }] });
  }
  const unstorablePath = findUnstorableText(route.params);
  if (unstorablePath) return unstorableProblem(unstorablePath, locale);
  const { endpoint, params } = route;

  const key = bearerKey(request);
  const unauthorized = { "WWW-Authenticate": 'Bearer realm="panelkit"' };
  if (!key) return apiProblem(locale, 401, "noKey", { header: "Authorization: Bearer <key>" }, { headers: unauthorized });
  const auth = await authenticateApiKey(database, key);
  if ("refused" in auth) return apiProblem(locale, 401, REFUSALS[auth.refused], {}, { headers: unauthorized });

  const wait = await countApiRequest(database, auth.apiKeyId);
  if (wait > 0) return apiProblem(locale, 429, "rateLimited", { wait: String(wait) }, { headers: { "Retry-After": String(wait) } });

  if (!auth.scopes.includes(endpoint.scope)) {
    return apiProblem(locale, 403, "missingScope", { scope: endpoint.scope }, { required_scope: endpoint.scope });
  }
  if (!roleHas(auth.actor.role, scopePermission[endpoint.scope])) return apiProblem(locale, 403, "roleForbids");

  const query = parseQuery(url, endpoint, locale);
  if (query instanceof Response) return query;
  const body = endpoint.body ? await readBody(request, endpoint, locale) : { raw: "", value: undefined };
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
      return apiProblem(locale, 400, "badIdempotencyKey", {}, {
        errors: [{ field: "Idempotency-Key", message: apiWords(locale)("problems.badIdempotencyKeyField") }],
      });
    }
    let location: string | undefined;
    const once = await answerOnce(database, { apiKeyId: auth.apiKeyId, key: idempotencyKey, requestHash: requestHash(request.method, path, body.raw) }, async () => {
      const answer = await run();
      location = answer.location;
      return { status: answer.status, body: answer.body };
    });
    if (once.kind === "mismatch") {
      return apiProblem(locale, 422, "idempotencyKeyReused");
    }
    const headers: Record<string, string> = once.kind === "replay" ? { "Idempotent-Replayed": "true" } : location ? { Location: location } : {};
    return jsonAnswer(request, once.answer.status, once.answer.body, headers);
  } catch (error) {
    if (error instanceof PreconditionFailed) {
      return apiProblem(locale, 412, "preconditionFailed", {}, { headers: { ETag: error.etag } });
    }
    return problemFromError(error, body.value, locale);
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
  const locale = requestLocale(request.headers.get("accept-language"));
  try {
    return await serve(request, database, locale);
  } catch (error) {
    return problemFromError(error, undefined, locale);
  }
}
