// Structured JSON logs (pino) for the server: one line per event, the request id on every line written
// while a request is being served, levels from LOG_LEVEL. Logs carry ids and counts, never personal data
// (names, emails, notes); the redact list below is a backstop for keys that should never be logged.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

export type LogContext = { requestId?: string; jobId?: string };


const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** LOG_LEVEL when it names a pino level, else info (a typo should not silence the server). */
export function logLevelFrom(value: string | undefined): (typeof LEVELS)[number] {
  const level = value?.trim().toLowerCase();
  return (LEVELS as readonly string[]).includes(level ?? "") ? (level as (typeof LEVELS)[number]) : "info";
}

/** Keys whose values are personal data or secrets wherever they appear (one level deep, and in errors). */
export const REDACTED_KEYS = ["name", "email", "to", "phone", "notes", "summary", "evidence", "password", "token", "link", "cookie", "authorization"];

const globalForLog = globalThis as unknown as { panelkitLogger?: pino.Logger; panelkitLogContext?: AsyncLocalStorage<LogContext> };

/**
 * What the current request or job is; set by the API server per request and by the queue per job. On
 * globalThis because Next.js's bundles load their own copy of this module in the same process.
 */
export const logContext: AsyncLocalStorage<LogContext> = (globalForLog.panelkitLogContext ??= new AsyncLocalStorage<LogContext>());

/** A logger with Panelkit's settings; `destination` lets tests read what it writes. */
export function createLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL): pino.Logger {
  return pino({
    level: logLevelFrom(level),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`), "req.headers.cookie", "req.headers.authorization"],
      censor: "[redacted]",
    },
    mixin: () => logContext.getStore() ?? {},
  }, destination);
}

/** The process's logger (one per process, also when Next.js loads this module in several bundles). */
export const logger: pino.Logger = (globalForLog.panelkitLogger ??= createLogger());

const EMAIL_PATTERN = /[^\s<>"'@,;:()]+@[^\s<>"'@,;:()]+\.[^\s<>"'@,;:()]+/g;

/** A message with any email addresses in it blanked: mail servers quote the recipient in their refusals. */
export function withoutEmails(message: string): string {
  return message.replace(EMAIL_PATTERN, "[email]");
}

/** An error as loggable fields: its class, code and message (addresses blanked); no stack, no values. */
export function errorFields(error: unknown): { err: { type: string; message: string; code?: string } } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: { type: error.name, message: withoutEmails(error.message), ...(typeof code === "string" ? { code } : {}) } };
  }
  return { err: { type: typeof error, message: withoutEmails(String(error)) } };
}
