import format from "icu-minify/format";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { compileMessages, FORMATTER_WANTS_COMPILED, pickNamespaces, readLocaleMessages, withFallback } from "./load-messages";

describe("messages", () => {
  it("lays English beneath a language, so a message it lacks shows in English", () => {
    const merged = withFallback({ shell: { nav: { jobs: "Tareas" } } }, { shell: { nav: { jobs: "Jobs", audit: "Audit log" }, title: "Panelkit" } });
    expect(merged).toEqual({ shell: { nav: { jobs: "Tareas", audit: "Audit log" }, title: "Panelkit" } });
  });

  it("gives the browser only the namespaces asked for", () => {
    expect(pickNamespaces({ common: { a: "1" }, shell: { b: "2" }, audit: { c: "3" } }, ["common", "audit", "missing"])).toEqual({ common: { a: "1" }, audit: { c: "3" } });
  });

  it("compiles messages for the build's parser-free formatter, which writes them as the parsing one does", () => {
    const compiled = compileMessages({ scoring: { left: "{count, plural, one {# question left} other {# questions left}}", save: "Save", who: "Hi <b>{name}</b>" } });
    const formatters = { getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a), getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a), getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a) };
    const scoring = compiled.scoring as Record<string, Parameters<typeof format>[0]>;
    // Plain objects only: a page hands these to its client components.
    expect(Object.getPrototypeOf((scoring.left as unknown[][])[0]![2])).toBe(Object.prototype);
    expect(format(scoring.left!, "en", { count: 1 }, { formatters })).toBe("1 question left");
    expect(format(scoring.left!, "en", { count: 3 }, { formatters })).toBe("3 questions left");
    expect(scoring.save).toBe("Save");
    expect(format(scoring.who!, "en", { name: "Ana", b: (chunks) => `[${chunks.join("")}]` }, { formatters })).toEqual("Hi [Ana]");
    // Outside the Next.js build (here, scripts, the tRPC server) next-intl parses messages as written.
    expect(FORMATTER_WANTS_COMPILED).toBe(false);
  });

  it("compiles every message the app ships", () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      for (const locale of LOCALES) compileMessages(readLocaleMessages(locale));
    } finally {
      console.error = original;
    }
    expect(errors).toEqual([]);
  });
});
