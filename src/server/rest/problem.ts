// RFC 9457 problem details: the body of every error the REST API answers, as application/problem+json.
// `type` points into the reference page, where each kind of problem is explained. `title` and `detail` (and
// each field's message) are in the language of the request's Accept-Language, English when it names none we
// speak (an API key has no user, so no saved choice); Content-Language says which. `type`, `status` and the
// field names stay as they are whatever the language: clients branch on those.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { ZodError } from "zod";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "@/i18n/config";
import { loadMessages } from "@/i18n/load-messages";
import type { ApiScope } from "@/lib/api-scopes";
import { isDataException, badRequestForDataException } from "@/server/api/database-input-error";
import { errorTranslator, localizeZodError } from "@/server/api/localize-error";
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

/** The language of a REST request, from its Accept-Language header: the best one we speak, else English. */
export const requestLocale = (acceptLanguage: string | null | undefined): Locale => resolveLocale({ acceptLanguage });

type Words = (key: string, values?: Record<string, string>) => string;
const wordsByLocale = new Map<Locale, Words>();

/** The API's words in `locale`: the "api" namespace (titles.<slug>, problems.<name>). */
export function apiWords(locale: Locale): Words {
  let words = wordsByLocale.get(locale);
  if (!words) {
    const t = createTranslator({ locale, messages: loadMessages(locale) as AbstractIntlMessages, namespace: "api" });
    words = (key, values) => (t as unknown as Words)(key, values);
    wordsByLocale.set(locale, words);
  }
  return words;
}

type Extra = { errors?: FieldError[]; required_scope?: ApiScope; headers?: Record<string, string>; locale?: Locale };

/** A problem whose `detail` is already worded in `extra.locale` (English when absent). */
export function problem(status: ProblemStatus, detail: string, extra: Extra = {}): Response {
  const [slug] = PROBLEM_TYPES[status];
  const { headers = {}, locale = DEFAULT_LOCALE, ...members } = extra;
  const body = { type: `/api/v1/docs#problem-${slug}`, title: apiWords(locale)(`titles.${slug}`), status, detail, ...members };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Content-Language": locale, "Cache-Control": "no-store", ...headers },
  });
}

/** A problem worded by a message of the "api" namespace's `problems`. */
export function apiProblem(locale: Locale, status: ProblemStatus, name: string, values?: Record<string, string>, extra: Omit<Extra, "locale"> = {}): Response {
  return problem(status, apiWords(locale)(`problems.${name}`, values), { ...extra, locale });
}

export function validationProblem(error: ZodError, where: "body" | "query" | "path", locale: Locale = DEFAULT_LOCALE): Response {
  const worded = localizeZodError(error, locale, errorTranslator(locale));
  const errors = worded.issues.map((i) => ({ field: i.path.length ? i.path.join(".") : where, message: i.message }));
  return apiProblem(locale, 400, "invalidPart", { where, list: errors.map((e) => `${e.field}: ${e.message}`).join("; ") }, { errors });
}

const STATUS_OF: Record<AppErrorCode, ProblemStatus> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** A refusal as a problem, in `locale` (`.message` is its English). */
function refusalProblem(refusal: AppError, locale: Locale): Response {
  const message = locale === DEFAULT_LOCALE ? refusal.message : refusal.localized(errorTranslator(locale));
  return problem(STATUS_OF[refusal.code], message, { locale, ...(refusal.field ? { errors: [{ field: refusal.field, message }] } : {}) });
}

/** A service's refusal in its own words; anything unexpected is logged and answered as a bare 500. */
export function problemFromError(error: unknown, input?: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  if (error instanceof AppError) return refusalProblem(error, locale);
  if (error instanceof ZodError) return validationProblem(error, "body", locale);
  if (isDataException(error)) return refusalProblem(badRequestForDataException(input), locale);
  logger.error({ ...errorFields(error) }, "REST API request failed");
  return problem(500, errorTranslator(locale)("internalApi"), { locale });
}
