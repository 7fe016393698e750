// One REST endpoint, declared once: its method and path, the scope it needs, its query, body and response
// schemas (from src/lib/schemas/api-v1.ts) and the service call. The request pipeline (handle-request.ts)
// and the OpenAPI document (openapi-document.ts) both read these declarations, so they cannot disagree.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-scopes";
import type { Db, DbOrTx } from "@/server/db";
import type { WritePrecondition } from "@/server/services/_shared/lock-for-update";
import type { Actor } from "@/server/services/actor";

export type EndpointContext<Q, B> = {
  db: Db;
  actor: Actor;
  apiKeyId: string;
  scopes: readonly ApiScope[];
  params: Record<string, string>;
  query: Q;
  body: B;
  /** If-Match, for endpoints with `current`: the update's service runs it inside its transaction, on the locked row. */
  precondition?: WritePrecondition;
};

export type EndpointResult = {
  body: unknown;
  status?: 200 | 201;
  /** For a create: the new resource's path (sent as Location). */
  location?: string;
  /** The record a write changed, for the API's audit event. */
  changed?: readonly [string, string];
};

export type Endpoint<Q = unknown, B = unknown> = {
  method: "GET" | "POST" | "PATCH" | "PUT";
  /** Under /api/v1, with {id} for path parameters. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: ApiScope;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType;
  /** Creates: an Idempotency-Key header makes a retry replay the first answer. */
  idempotent?: boolean;
  /**
   * Updates: the current representation, whose ETag If-Match must name. Read inside the update's transaction
   * (db is then that transaction), so `run` must hand ctx.precondition to a service that locks the row.
   */
  current?: (ctx: Omit<EndpointContext<unknown, unknown>, "db"> & { db: DbOrTx }) => Promise<unknown>;
  run: (ctx: EndpointContext<Q, B>) => Promise<EndpointResult>;
};

/** Declares an endpoint with its query and body types inferred from its schemas. */
export function endpoint<Q = undefined, B = undefined>(definition: Endpoint<Q, B>): Endpoint {
  return definition as unknown as Endpoint;
}
