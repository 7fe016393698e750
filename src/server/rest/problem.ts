// RFC 9457 problem details: the body of every error the REST API answers, as application/problem+json.
// `type` points into the reference page, where each kind of problem is explained.
import { ZodError } from "zod";
import type { ApiScope } from "@/lib/api-scopes";
import { isDataException, badRequestForDataException } from "@/server/api/database-input-error";
import { AppError, type AppErrorCode } from "@/server/errors";
import { errorFields, logger } from "@/server/log/logger";

export type FieldError = { field: string; message: string };

export const PROBLEM_TYPES = {
  400: ["invalid-request", "Invalid request"],
  401: ["unauthorized", "Missing or invalid API key"],
  403: ["forbidden", "Not allowed"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  409: ["conflict", "Conflict"],
  412: ["precondition-failed", "Precondition failed"],
  413: ["payload-too-large", "Request body too large"],
  415: ["unsupported-media-type", "Unsupported media type"],
  422: ["idempotency-key-reused", "Idempotency key reused with another request"],
  429: ["rate-limited", "Too many requests"],
  500: ["internal", "Internal error"],
} as const satisfies Record<number, readonly [string, string]>;
export type ProblemStatus = keyof typeof PROBLEM_TYPES;

export function problem(
  status: ProblemStatus,
  detail: string,
  extra: { errors?: FieldError[]; required_scope?: ApiScope; headers?: Record<string, string> } = {},
): Response {
  const [slug, title] = PROBLEM_TYPES[status];
  const { headers = {}, ...members } = extra;
  const body = { type: `/api/v1/docs#problem-${slug}`, title, status, detail, ...members };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function validationProblem(error: ZodError, where: "body" | "query" | "path"): Response {
  const errors = error.issues.map((i) => ({ field: i.path.length ? i.path.join(".") : where, message: i.message }));
  return problem(400, `The request's ${where} is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`, { errors });
}

const STATUS_OF: Record<AppErrorCode, ProblemStatus> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** A service's refusal in its own words; anything unexpected is logged and answered as a bare 500. */
export function problemFromError(error: unknown, input?: unknown): Response {
  if (error instanceof AppError) {
    return problem(STATUS_OF[error.code], error.message, error.field ? { errors: [{ field: error.field, message: error.message }] } : {});
  }
  if (error instanceof ZodError) return validationProblem(error, "body");
  if (isDataException(error)) {
    const refusal = badRequestForDataException(input);
    return problem(400, refusal.message, refusal.field ? { errors: [{ field: refusal.field, message: refusal.message }] } : {});
  }
  logger.error({ ...errorFields(error) }, "REST API request failed");
  return problem(500, "Something went wrong on our side; try again.");
}
