// For the REST API tests: keys for any member (made straight in the database: only admins make them through
// the app, but a key acts for whoever created it), requests through the route's own handler, and a check of
// every answer against the OpenAPI document's response schema for its operation and status.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import type { ApiScope } from "@/lib/api-scopes";
import { API_SCOPES } from "@/lib/api-scopes";
import { db } from "@/server/db";
import { handleApiRequest } from "@/server/rest/handle-request";
import { openApiDocument } from "@/server/rest/openapi-document";
import { newApiKey } from "@/server/services/api-keys/_shared/api-key-secret";
import { unique } from "./factories";

export async function keyFor(
  orgId: string,
  userId: string,
  scopes: readonly ApiScope[] = API_SCOPES,
  extra: { expiresAt?: Date; revokedAt?: Date } = {},
): Promise<{ id: string; key: string }> {
  const secret = newApiKey();
  const row = await db().apiKey.create({
    data: { orgId, createdById: userId, name: unique("key"), prefix: secret.prefix, secretHash: secret.secretHash, scopes: [...scopes], ...extra },
  });
  return { id: row.id, key: secret.key };
}

export type Answer = { status: number; headers: Headers; body: unknown; text: string };

/** One request through the route handler (the same function Next serves /api/v1/* with). */
export async function api(method: string, path: string, key: string | null, options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...options.headers };
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] ??= "application/json";
  }
  const response = await handleApiRequest(new Request(`http://localhost/api/v1${path}`, { method, headers, body }));
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, headers: response.headers, text, body: text && type.includes("json") ? JSON.parse(text) : text };
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
const DOC_ID = "https://panelkit.test/openapi.json";
ajv.addSchema({ ...(openApiDocument() as object), $id: DOC_ID });

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/**
 * The answer must match the document: its status is one the operation declares, and its body validates
 * against that status's schema (problem+json for errors).
 */
export function expectConforms(answer: Answer, method: string, templatePath: string): void {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
  const operation = doc.paths[templatePath]?.[method.toLowerCase()];
  expect(operation, `${method} ${templatePath} is in the document`).toBeDefined();
  const response = operation!.responses[String(answer.status)];
  expect(response, `${method} ${templatePath} declares ${answer.status}: ${answer.text.slice(0, 300)}`).toBeDefined();
  const [mediaType] = Object.keys(response!.content ?? {});
  if (!mediaType) return;
  expect(answer.headers.get("content-type")).toBe(mediaType);
  const ref = `${DOC_ID}#/${pointer("paths", templatePath, method.toLowerCase(), "responses", String(answer.status), "content", mediaType, "schema")}`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  const valid = validate(answer.body);
  expect(valid, `${method} ${templatePath} ${answer.status} body matches the document: ${JSON.stringify(validate.errors)}`).toBe(true);
}
