// The OpenAPI 3.1 document of /api/v1, generated from the endpoint declarations and their zod schemas (the
// same objects the pipeline validates with), built once per process.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/api-scopes";
import { idParamSchema, problemSchema } from "@/lib/schemas/api-v1";
import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { PROBLEM_TYPES, type ProblemStatus } from "./problem";

const problemResponse = (status: ProblemStatus) => ({
  description: PROBLEM_TYPES[status][1],
  content: { "application/problem+json": { schema: problemSchema } },
});

function errorsOf(endpoint: Endpoint): ProblemStatus[] {
  const statuses: ProblemStatus[] = [400, 401, 403, 429, 500];
  if (endpoint.path.includes("{")) statuses.push(404);
  if (endpoint.body) statuses.push(404, 409, 413, 415);
  if (endpoint.current) statuses.push(412);
  if (endpoint.idempotent) statuses.push(422);
  return [...new Set(statuses)].sort();
}

function operationOf(endpoint: Endpoint): ZodOpenApiOperationObject {
  const headers: Record<string, z.ZodType> = {};
  if (endpoint.idempotent) headers["Idempotency-Key"] = z.string().max(255).optional().meta({ description: "Makes a retry replay the first answer (same body) or 422 (another body)." });
  if (endpoint.current) headers["If-Match"] = z.string().optional().meta({ description: "The ETag you read; 412 if the resource changed since." });
  if (endpoint.method === "GET") headers["If-None-Match"] = z.string().optional().meta({ description: "An ETag you hold; 304 if unchanged." });
  const ok = endpoint.idempotent ? "201" : "200";
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: `${endpoint.description ? `${endpoint.description}\n\n` : ""}Scope: \`${endpoint.scope}\`.`,
    tags: [endpoint.tag],
    security: [{ apiKey: [endpoint.scope] }],
    "x-required-scope": endpoint.scope,
    requestParams: {
      ...(endpoint.path.includes("{id}") ? { path: idParamSchema } : {}),
      ...(endpoint.query ? { query: endpoint.query as z.ZodObject } : {}),
      ...(Object.keys(headers).length ? { header: z.object(headers) } : {}),
    },
    ...(endpoint.body ? { requestBody: { required: true, content: { "application/json": { schema: endpoint.body } } } } : {}),
    responses: {
      [ok]: {
        description: endpoint.idempotent ? "Created" : "OK",
        headers: z.object({ ETag: z.string().meta({ description: "SHA-256 of the body." }) }),
        content: { "application/json": { schema: endpoint.response } },
      },
      ...(endpoint.method === "GET" ? { "304": { description: "Not modified (If-None-Match named the current ETag)." } } : {}),
      ...Object.fromEntries(errorsOf(endpoint).map((status) => [String(status), problemResponse(status)])),
    },
  } as ZodOpenApiOperationObject;
}

function build() {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of ENDPOINTS) {
    const item = (paths[endpoint.path] ??= {});
    (item as Record<string, ZodOpenApiOperationObject>)[endpoint.method.toLowerCase()] = operationOf(endpoint);
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Panelkit REST API",
        version: "1.0.0",
        description:
          "Create candidates and interviews, and read submitted scorecards, decisions and comparison figures. A key acts for the admin who created it, within its scopes: a request needs the endpoint's scope and the creator's current role to allow it. Errors are RFC 9457 problem details.",
      },
      servers: [{ url: "/api/v1" }],
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: `An API key from Settings → REST API keys. Scopes: ${API_SCOPES.map((s) => `\`${s}\` (${SCOPE_LABELS[s]})`).join(", ")}.`,
          },
        },
      },
      paths,
    },
    {
      override: ({ jsonSchema, zodSchema, io }) => {
        if (zodSchema._zod.def.type === "date" && io === "output") {
          jsonSchema.type = "string";
          jsonSchema.format = "date-time";
        }
      },
    },
  );
}

let cached: ReturnType<typeof build> | undefined;

export function openApiDocument() {
  return (cached ??= build());
}
