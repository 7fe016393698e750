// The translation check behind `npm run lint` (scripts/check-i18n.ts): every key in every language, every
// key the code uses present in the message files, every message valid ICU. A missing Spanish message would
// otherwise show English silently (load-messages.ts), and a key in no file would show a made-up label.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator, IntlErrorCode, type IntlError } from "next-intl";
import { LOCALES } from "../../src/i18n/config";
import { readLocaleMessages, type Messages } from "../../src/i18n/load-messages";

export type I18nProblem = { kind: "missing-in-locale" | "unknown-key" | "invalid-message"; where: string; detail: string };

/** "ns.a.b" → message text, for every string leaf. */
export function flattenMessages(messages: Messages, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(full, value);
    else if (value && typeof value === "object") for (const [k, v] of flattenMessages(value as Messages, full)) flat.set(k, v);
  }
  return flat;
}

/** Keys present in one language and absent in another, and messages that are not valid ICU. */
export function checkMessageFiles(byLocale: Record<string, Messages>): I18nProblem[] {
  const problems: I18nProblem[] = [];
  const flat = Object.fromEntries(Object.entries(byLocale).map(([locale, messages]) => [locale, flattenMessages(messages)]));
  const allKeys = new Set(Object.values(flat).flatMap((m) => [...m.keys()]));
  for (const [locale, messages] of Object.entries(flat)) {
    for (const key of [...allKeys].sort()) {
      if (!messages.has(key)) problems.push({ kind: "missing-in-locale", where: `${locale}/${key.split(".")[0]}.json`, detail: `"${key}" is missing in ${locale}` });
    }
    for (const [key, text] of messages) {
      const error = icuError(locale, key, text);
      if (error) problems.push({ kind: "invalid-message", where: `${locale}/${key.split(".")[0]}.json`, detail: `"${key}": ${error}` });
    }
  }
  return problems;
}

/** The parse error of one ICU message, or null. (Formatting without values fails too; only parsing counts.) */
function icuError(locale: string, key: string, text: string): string | null {
  let found: string | null = null;
  const onError = (error: IntlError) => {
    if (error.code === IntlErrorCode.INVALID_MESSAGE) found = error.originalMessage ?? error.message;
  };
  const t = createTranslator({ locale, messages: { m: text }, onError, getMessageFallback: () => "" });
  try {
    t("m");
  } catch {
    // a formatting failure without values: not a parse error
  }
  return found;
}

const BINDING = /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)"|\{[^}]*namespace:\s*"([^"]*)"[^}]*\})?\s*\)/g;
const DESTRUCTURED = /(?:const|let)\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\s*\[([\s\S]*?)\]\s*\)/g;
const TRANSLATOR_CALL = /(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)"|\{[^}]*namespace:\s*"([^"]*)"[^}]*\})?\s*\)/;

type Binding = { name: string; namespace: string; at: number };

/**
 * Translator variables of one file, their namespaces ("" for none) and where they are bound:
 * `const t = useTranslations("ns")`. A name bound twice (two components in one file) has two entries.
 */
export function translatorBindings(source: string): Binding[] {
  const bindings: Binding[] = [];
  for (const m of source.matchAll(BINDING)) bindings.push({ name: m[1]!, namespace: m[2] ?? m[3] ?? "", at: m.index });
  for (const m of source.matchAll(DESTRUCTURED)) {
    const names = m[1]!.split(",").map((n) => n.trim());
    const calls = splitTopLevel(m[2]!);
    names.forEach((name, i) => {
      const call = calls[i] && TRANSLATOR_CALL.exec(calls[i]);
      if (name && call) bindings.push({ name, namespace: call[1] ?? call[2] ?? "", at: m.index });
    });
  }
  return bindings.sort((a, b) => a.at - b.at);
}

/** Keys one file uses: `t("a.b")`, `t.rich("a")`, and the fixed start of `t(\`roles.${role}\`)`. */
export function usedKeys(source: string): { key: string; line: number; prefixOnly: boolean }[] {
  const used: { key: string; line: number; prefixOnly: boolean }[] = [];
  const bindings = translatorBindings(source);
  for (const name of new Set(bindings.map((b) => b.name))) {
    const call = new RegExp(String.raw`(?<![\w.])${name}(?:\.(?:rich|markup|raw|has))?\(\s*(?:"([^"]+)"|'([^']+)'|\`([^\`$]*)(\$\{)?)`, "g");
    for (const m of source.matchAll(call)) {
      // The binding in force: the last one of this name before the call (the first when the call comes earlier).
      const mine = bindings.filter((b) => b.name === name);
      const namespace = (mine.filter((b) => b.at < m.index).pop() ?? mine[0])!.namespace;
      const key = m[1] ?? m[2] ?? m[3] ?? "";
      const prefixOnly = m[4] !== undefined;
      const full = [namespace, prefixOnly ? key.replace(/\.$/, "") : key].filter(Boolean).join(".");
      used.push({ key: full, line: source.slice(0, m.index).split("\n").length, prefixOnly });
    }
  }
  return used;
}

/** Keys the code uses that no message file of the default language has. */
export function checkUsedKeys(files: { path: string; source: string }[], messages: Messages): I18nProblem[] {
  const flat = flattenMessages(messages);
  const prefixes = new Set([...flat.keys()].flatMap((k) => k.split(".").map((_, i, parts) => parts.slice(0, i + 1).join("."))));
  const problems: I18nProblem[] = [];
  for (const file of files) {
    for (const use of usedKeys(file.source)) {
      const known = use.prefixOnly ? use.key === "" || prefixes.has(use.key) : flat.has(use.key);
      if (!known) problems.push({ kind: "unknown-key", where: `${file.path}:${use.line}`, detail: `"${use.key}" is in no message file` });
    }
  }
  return problems;
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    if (ch === ")" || ch === "]" || ch === "}") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The whole check over a messages folder and source folders. */
export function checkI18n(options: { messagesDir: string; sourceDirs: string[]; root: string }): I18nProblem[] {
  const byLocale = Object.fromEntries(LOCALES.map((locale) => [locale, readLocaleMessages(locale, options.messagesDir)]));
  const files = options.sourceDirs.flatMap(sourceFiles).map((file) => ({ path: path.relative(options.root, file), source: readFileSync(file, "utf8") }));
  return [...checkMessageFiles(byLocale), ...checkUsedKeys(files, byLocale[LOCALES[0]] ?? {})];
}
