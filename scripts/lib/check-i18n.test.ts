import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkI18n, checkMessageFiles, checkUsedKeys } from "./check-i18n";

describe("the i18n check", () => {
  it("reports a key present in English and missing in Spanish, naming the file and key", () => {
    const problems = checkMessageFiles({
      en: { shell: { nav: { jobs: "Jobs", audit: "Audit log" } } },
      es: { shell: { nav: { jobs: "Tareas" } } },
    });
    expect(problems).toEqual([{ kind: "missing-in-locale", where: "es/shell.json", detail: '"shell.nav.audit" is missing in es' }]);
  });

  it("reports a message that is not valid ICU", () => {
    const problems = checkMessageFiles({ en: { a: { count: "{n, plural, one {# item}" } }, es: { a: { count: "{n, plural, one {# elemento} other {# elementos}}" } } });
    expect(problems.map((p) => [p.kind, p.where])).toEqual([["invalid-message", "en/a.json"]]);
  });

  it("reports keys the code uses that no file has, across the ways a translator is bound", () => {
    const source = [
      'const t = useTranslations("shell");',
      'const [c, a] = await Promise.all([getTranslations("common"), getTranslations({ locale, namespace: "audit" })]);',
      't("nav.jobs"); t("nav.missing"); c(`roles.${role}`); c(`nope.${x}`); a.rich("title"); t.has("x") ;',
    ].join("\n");
    const messages = { shell: { nav: { jobs: "Jobs" } }, common: { roles: { ADMIN: "Admin" } }, audit: { title: "Audit" } };
    expect(checkUsedKeys([{ path: "page.tsx", source }], messages).map((p) => p.detail)).toEqual([
      '"shell.nav.missing" is in no message file',
      '"shell.x" is in no message file',
      '"common.nope" is in no message file',
    ]);
  });

  it("fails on a planted missing key in real files and passes once it is added", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "i18n-check-"));
    const messagesDir = path.join(dir, "messages");
    mkdirSync(path.join(messagesDir, "en"), { recursive: true });
    mkdirSync(path.join(messagesDir, "es"), { recursive: true });
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(messagesDir, "en", "jobs.json"), JSON.stringify({ title: "Jobs", retry: "Retry" }));
    writeFileSync(path.join(messagesDir, "es", "jobs.json"), JSON.stringify({ title: "Tareas" }));
    writeFileSync(path.join(dir, "src", "page.tsx"), 'const t = await getTranslations("jobs");\nt("title");');
    const run = () => checkI18n({ root: dir, messagesDir, sourceDirs: [path.join(dir, "src")] });
    expect(run().map((p) => p.detail)).toEqual(['"jobs.retry" is missing in es']);

    writeFileSync(path.join(messagesDir, "es", "jobs.json"), JSON.stringify({ title: "Tareas", retry: "Reintentar" }));
    expect(run()).toEqual([]);
  });
});
