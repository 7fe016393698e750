import { describe, expect, it } from "vitest";
import { pickNamespaces, withFallback } from "./load-messages";

describe("messages", () => {
  it("lays English beneath a language, so a message it lacks shows in English", () => {
    const merged = withFallback({ shell: { nav: { jobs: "Tareas" } } }, { shell: { nav: { jobs: "Jobs", audit: "Audit log" }, title: "Panelkit" } });
    expect(merged).toEqual({ shell: { nav: { jobs: "Tareas", audit: "Audit log" }, title: "Panelkit" } });
  });

  it("gives the browser only the namespaces asked for", () => {
    expect(pickNamespaces({ common: { a: "1" }, shell: { b: "2" }, audit: { c: "3" } }, ["common", "audit", "missing"])).toEqual({ common: { a: "1" }, audit: { c: "3" } });
  });
});
