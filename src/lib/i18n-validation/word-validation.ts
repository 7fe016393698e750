// One schema message in the reader's language (issue 23). The zod schemas keep their English words, shared by
// the browser's check and the server's; the `validation` namespace holds each of those English messages under a
// key ("messages.enterTheCandidateSName", "messages.nameMustBeAtMostNCharacters": "Name must be at most {max}
// characters") with its translation. A message is matched to the key whose English it is and worded again in the
// reader's language. The same function serves the server (src/server/api/localize-error.ts) and the browser
// (src/components/ui/use-validate-form.ts): no server import, no zod import.

/** The `validation` namespace's English: raw ICU strings, or next-intl's compiled form of them (the Next.js build). */
export type ValidationGroup = { messages?: Record<string, unknown>; fieldLabels?: Record<string, unknown> };

/** A schema message recognised: its key in the `validation` namespace, the values it was made with, and the field
 *  labels among them (as keys of `fieldLabels`, lower-cased when the English had them so: "Enter the name"). */
export type ValidationKey = {
  key: string;
  values: Record<string, string>;
  labels: Record<string, { key: string; lowerCase: boolean }>;
};

/** The translator of the `validation` namespace (next-intl's, loosely typed: the keys are found at run time). */
export type TranslateValidation = (key: string, values?: Record<string, string>) => string;

type Template = { key: string; pattern: RegExp; names: string[] };
const NUMBER_NAMES = new Set(["max", "min", "count", "size"]);
const cache = new WeakMap<ValidationGroup, { templates: Template[]; labels: Record<string, string> }>();

/** A message's parts: literal text and argument names, from a raw ICU string or its compiled form. */
function parts(message: unknown): Array<string | { name: string }> {
  if (Array.isArray(message)) {
    return message.map((part: unknown) => (typeof part === "string" ? part : { name: String((part as unknown[])[0]) }));
  }
  if (typeof message !== "string") return [];
  return message
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name ? { name } : part.replace(/''/g, "'");
    });
}

function compile(group: ValidationGroup) {
  const templates = Object.entries(group.messages ?? {})
    .map(([key, text]) => {
      const names: string[] = [];
      const source = parts(text)
        .map((part) => {
          if (typeof part === "string") return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(part.name);
          return NUMBER_NAMES.has(part.name) ? String.raw`(\d[\d,.]*)` : "(.+?)";
        })
        .join("");
      return { key: `messages.${key}`, pattern: new RegExp(`^${source}$`), names };
    })
    // Exact messages first, then the longest pattern: "Name must be at most 120 characters" is its own message,
    // not "{label} must be at most {max} characters".
    .sort((a, b) => a.names.length - b.names.length || b.pattern.source.length - a.pattern.source.length);
  const labels = Object.fromEntries(Object.entries(group.fieldLabels ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  return { templates, labels };
}

/** The key of one English schema message, or null when it is none of the `validation` namespace's messages. */
export function validationKeyOf(message: string, english: ValidationGroup): ValidationKey | null {
  let compiled = cache.get(english);
  if (!compiled) cache.set(english, (compiled = compile(english)));
  for (const template of compiled.templates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const found: ValidationKey = { key: template.key, values: {}, labels: {} };
    let known = true;
    template.names.forEach((name, i) => {
      const value = match[i + 1] ?? "";
      if (name !== "label") return void (found.values[name] = value);
      // A label is worded in the reader's language too, so it must be one of fieldLabels.
      const labelKey = Object.keys(compiled.labels).find((k) => compiled.labels[k] === value || compiled.labels[k]!.toLowerCase() === value);
      if (!labelKey) return void (known = false);
      found.labels[name] = { key: `fieldLabels.${labelKey}`, lowerCase: compiled.labels[labelKey] !== value };
    });
    if (known) return found;
  }
  return null;
}

/** The English schema message in `t`'s language, or null when no key matches (the caller keeps the English). */
export function wordValidation(message: string, english: ValidationGroup, t: TranslateValidation): string | null {
  const found = validationKeyOf(message, english);
  if (!found) return null;
  const values = { ...found.values };
  for (const [name, label] of Object.entries(found.labels)) {
    const worded = t(label.key);
    values[name] = label.lowerCase ? worded.toLowerCase() : worded;
  }
  return t(found.key, values);
}
