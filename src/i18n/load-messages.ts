// Message files: src/i18n/messages/<locale>/<namespace>.json, one object per namespace. Only the active
// language is read for a request; English sits beneath it, so a message missing in Spanish shows in English
// (and scripts/check-i18n.ts fails the build on it). Read from disk once per process in production; in
// development each call re-reads, so an edited file shows on the next request.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LOCALE, type Locale } from "./config";

export type Messages = Record<string, unknown>;

export const MESSAGES_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "src", "i18n", "messages");

/** One locale's namespaces as written, without English beneath: { [namespace]: messages }. */
export function readLocaleMessages(locale: string, dir = MESSAGES_DIR): Messages {
  // turbopackIgnore: the folder is read at run time from the app's own directory (the image keeps src/), so the
  // bundler need not trace it (it would otherwise trace the whole project).
  const folder = path.join(/*turbopackIgnore: true*/ dir, locale);
  if (!existsSync(/*turbopackIgnore: true*/ folder)) return {};
  const messages: Messages = {};
  for (const file of readdirSync(/*turbopackIgnore: true*/ folder).filter((name) => name.endsWith(".json")).sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(readFileSync(/*turbopackIgnore: true*/ path.join(folder, file), "utf8")) as unknown;
  }
  return messages;
}

/** `over` laid on `under`: every message of `under` that `over` lacks is kept. */
export function withFallback(over: Messages, under: Messages): Messages {
  const merged: Messages = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const base = merged[key];
    merged[key] = isObject(value) && isObject(base) ? withFallback(value, base) : value;
  }
  return merged;
}

const cache = new Map<Locale, Messages>();

/** The messages of `locale`, English beneath. */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const own = readLocaleMessages(locale);
  const messages = locale === DEFAULT_LOCALE ? own : withFallback(own, readLocaleMessages(DEFAULT_LOCALE));
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}

/** Only the named namespaces: what a client component tree needs, and no more of the page's weight. */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}

function isObject(value: unknown): value is Messages {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
