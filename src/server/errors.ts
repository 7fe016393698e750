// Domain errors thrown by services. The tRPC error formatter maps the code; messages are written for users.
// A message is a key of src/i18n/messages/<locale>/errors.json with its values: `.message` holds the English
// text (logs, and code that reads it), and the tRPC layer and the REST API answer in the caller's language
// (localize-error.ts). A plain string still works and is answered as written (English): errors.test.ts
// lists the files that still throw one.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { loadMessages } from "@/i18n/load-messages";
import { formatList, type ListType } from "@/lib/format-list";

// The English messages' shape, for typing keys only: read at run time through loadMessages (as every message
// is, compiled where the build expects that), not imported, since a JSON import needs an import attribute
// under Node's ESM loader (the browser tests import services).
type EnglishErrors = typeof import("@/i18n/messages/en/errors.json");

export type AppErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A message of errors.json, e.g. "scorecard.submitted". */
export type ErrorKey = Leaves<EnglishErrors>;
/** Names joined as a list in the message's language: "A, B and C" / "A, B y C" ("or" / "o" with `type: "disjunction"`). */
export type ErrorList = { list: readonly string[]; type: ListType };
/**
 * A value put into a message: text as is, a number, another message, a list of messages (joined ", "), or
 * names (an array of strings: "A, B and C" in the message's language; an ErrorList for "or").
 */
export type ErrorValue = string | number | ErrorText | ErrorText[] | readonly string[] | ErrorList;
export type ErrorText = { key: ErrorKey; values?: Record<string, ErrorValue> };
/** A translator of the errors namespace; `locale` (English when absent) words the lists of names. */
export type Translate = ((key: ErrorKey, values?: Record<string, string | number>) => string) & { locale?: string };

/** `t` knowing its language, for the lists of names in its messages. */
export const inLocale = (t: Translate, locale: string): Translate => Object.assign((key: ErrorKey, values?: Record<string, string | number>) => t(key, values), { locale });

function renderValue(value: ErrorValue, t: Translate): string | number {
  if (typeof value !== "object") return value;
  const locale = t.locale ?? "en";
  if ("list" in value) return formatList(value.list, locale, value.type);
  if (!Array.isArray(value)) return renderError(value as ErrorText, t);
  const items = value as readonly (string | ErrorText)[];
  return items.every((v) => typeof v === "string")
    ? formatList(items as readonly string[], locale)
    : items.map((v) => (typeof v === "string" ? v : renderError(v, t))).join(", ");
}

/** One message in the language of `t`, its values (messages and lists too) in the same language. */
export function renderError(text: ErrorText, t: Translate): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.values ?? {})) values[name] = renderValue(value, t);
  return t(text.key, values);
}

let english: Translate | null = null;
/** The English of a message: `.message` of every AppError, logs, and what the REST API answers. */
export const englishErrors: Translate = inLocale(
  (key, values) =>
    (english ??= createTranslator({ locale: "en", messages: loadMessages("en") as AbstractIntlMessages, namespace: "errors" }) as unknown as Translate)(key, values),
  "en",
);

export class AppError extends Error {
  /** The message as a key and values, for answering in the caller's language; absent for a plain string. */
  readonly text?: ErrorText;

  constructor(
    readonly code: AppErrorCode,
    message: string | ErrorText,
    /** The input field the message is about, when there is one. */
    readonly field?: string,
  ) {
    super(typeof message === "string" ? message : renderError(message, englishErrors));
    this.name = "AppError";
    if (typeof message !== "string") this.text = message;
  }

  /** The message in the language of `t` (as written when it is a plain string). */
  localized(t: Translate): string {
    return this.text ? renderError(this.text, t) : this.message;
  }
}

/** `new AppError(code, { key, values }, field)`, shorter. */
export const appError = (code: AppErrorCode, key: ErrorKey, values?: Record<string, ErrorValue>, field?: string) =>
  new AppError(code, { key, values }, field);

const NOT_FOUND = {
  Interview: "interview",
  Candidate: "candidate",
  Vacancy: "vacancy",
  Script: "script",
  "Script version": "scriptVersion",
  Organisation: "organisation",
  Stage: "stage",
  Scorecard: "scorecard",
  Question: "question",
  Debrief: "debrief",
  Invitation: "invitation",
  "Webhook endpoint": "webhookEndpoint",
  "Webhook delivery": "webhookDelivery",
  "Shadow comparison": "shadowComparison",
  "SCIM token": "scimToken",
  Panelist: "panelist",
  Member: "member",
  Group: "group",
  "Calendar feed": "calendarFeed",
  Bank: "bank",
  "API key": "apiKey",
} as const satisfies Record<string, string>;

/** "Interview not found." in the caller's language. */
export const notFound = (what: keyof typeof NOT_FOUND) => appError("NOT_FOUND", `notFound.${NOT_FOUND[what]}`);

/** Whole minutes, at least 1, for a "try again in N minutes" refusal (the message words the plural). */
export const minutesOf = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
