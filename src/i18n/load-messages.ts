// Message files: src/i18n/messages/<locale>/<namespace>.json, one object per namespace. Only the active
// language is read for a request; English sits beneath it, so a message missing in Spanish shows in English
// (and scripts/check-i18n.ts fails the build on it). Read from disk once per process; only in development
// (`npm run dev`) each call re-reads, so an edited file shows on the next request. (Tests read them once too:
// refusals are worded on every failed call, and re-reading 37 files each time cost the integration suite ~50 s.)
// Inside the Next.js build the messages are also compiled here (FORMATTER_WANTS_COMPILED): next.config.ts swaps
// next-intl's ICU parser for a formatter of compiled messages, so no page carries the parser to the browser.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import compile from "icu-minify/compile";
import { createTranslator } from "next-intl";
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
  const merged = locale === DEFAULT_LOCALE ? own : withFallback(own, readLocaleMessages(DEFAULT_LOCALE));
  const messages = FORMATTER_WANTS_COMPILED ? compileMessages(merged) : merged;
  if (process.env.NODE_ENV !== "development") cache.set(locale, messages);
  return messages;
}

/**
 * Whether next-intl here formats compiled messages: in the Next.js build, next.config.ts's `precompile` points
 * next-intl at icu-minify's formatter, which has no parser and gives back a text message as written; scripts,
 * tests and the directly served tRPC API run the parsing formatter on the files as written. Asked of next-intl
 * itself, so the messages always match the formatter in use.
 */
export const FORMATTER_WANTS_COMPILED = createTranslator({ locale: DEFAULT_LOCALE, messages: { probe: "{x}" } })("probe", { x: "" }) !== "";

/** Every message compiled to icu-minify's form (a plain text stays a string), as next-intl's build does for an imported catalog. */
export function compileMessages(messages: Messages): Messages {
  const compiled: Messages = {};
  for (const [key, value] of Object.entries(messages)) {
    compiled[key] = typeof value === "string" ? compileOne(value) : isObject(value) ? compileMessages(value) : value;
  }
  return compiled;
}

/** Compiled messages by their text: development re-reads the files on every request, but compiles only what changed. */
const compiledByText = new Map<string, unknown>();

function compileOne(message: string): unknown {
  const known = compiledByText.get(message);
  if (known !== undefined) return known;
  try {
    const compiled = compile(message);
    // Plural and select branches come as objects without a prototype, which React can't hand to a client
    // component; a JSON round trip makes them plain (next-intl's loader does the same).
    const plain = typeof compiled === "string" ? compiled : (JSON.parse(JSON.stringify(compiled)) as unknown);
    compiledByText.set(message, plain);
    return plain;
  } catch (error) {
    // An invalid message fails scripts/check-i18n.ts before a release; until then it shows as written.
    console.error(`[i18n] message not compiled: ${(error as Error).message}`);
    return message;
  }
}

/** Only the named namespaces: what a client component tree needs, and no more of the page's weight. */
export function pickNamespaces(messages: Messages, namespaces: readonly string[]): Messages {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]]));
}

function isObject(value: unknown): value is Messages {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
