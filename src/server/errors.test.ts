// Every refusal a user can read is a key of errors.json (issue 23), so it reaches them in their language.
// A message written as a string literal still works but is sent in English to everyone: this lists the files
// that still throw one, and fails when another file starts to (or a listed one is done: then drop its line).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import es from "@/i18n/messages/es/errors.json";
import { errorTranslator } from "./api/localize-error";
import { AppError, appError, notFound, type Translate } from "./errors";

/** Files whose messages are still made in English by code (names, labels and lists built as text). */
const PENDING: string[] = [];

const LITERAL_MESSAGE = /new AppError\(\s*"[A-Z_]+",\s*(?:["`]|\w+\s*\?\s*["`])/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("refusals by key", () => {
  it("throws no message written as a string literal outside the pending files", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const literal = sources(path.join(root, "src", "server"))
      .filter((file) => LITERAL_MESSAGE.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .sort();
    expect(literal).toEqual(PENDING);
  });

  it("keeps English as the message and words the same refusal in Spanish, values and lists included", () => {
    const spanish = createTranslator({ locale: "es", messages: { errors: es }, namespace: "errors" }) as unknown as Translate;
    const missing = appError("BAD_REQUEST", "scorecard.missingRatings", {
      list: [
        { key: "scorecard.missingQuestion", values: { number: "1", competencies: "Empathy" } },
        { key: "scorecard.missingQuestion", values: { number: "3", competencies: "Ethics, Crisis handling" } },
      ],
    }, "ratings");
    expect(missing.message).toBe("Rate or mark not assessed: question 1 (Empathy), question 3 (Ethics, Crisis handling).");
    expect(missing.localized(spanish)).toBe("Puntúe o marque como no evaluada: pregunta 1 (Empathy), pregunta 3 (Ethics, Crisis handling).");
    expect(notFound("Webhook endpoint").message).toBe("Webhook endpoint not found.");
    // A plain string is sent as written, in every language.
    expect(new AppError("CONFLICT", "As written.").localized(spanish)).toBe("As written.");
  });

  it("words a list of names with the message's language: 'and' in English (no serial comma), 'y' in Spanish", () => {
    const spanish = errorTranslator("es");
    const raters = appError("BAD_REQUEST", "training.ratersStay", { count: 3, names: ["Ann Lee", "Ben Ng", "Cleo Park"] });
    expect(raters.message).toBe("Ann Lee, Ben Ng and Cleo Park have already rated this answer and stay among its reference raters.");
    expect(raters.localized(spanish)).toBe("Ann Lee, Ben Ng y Cleo Park ya han puntuado esta respuesta y siguen entre sus evaluadores de referencia.");
    expect(raters.localized(errorTranslator("en"))).toBe(raters.message);
    const two = appError("BAD_REQUEST", "debrief.notEveryoneSubmitted", { count: 2, who: ["Dee Pending", "Inés Ruiz"] });
    expect(two.message).toBe("2 panelists have not submitted yet (Dee Pending and Inés Ruiz): give a reason to open the debrief before everyone has submitted.");
    expect(two.localized(spanish)).toContain("(Dee Pending e Inés Ruiz)");
    // "or" lists: an ErrorList of type disjunction.
    const cite = appError("BAD_REQUEST", "debrief.mustCite", { names: { list: ["Empathy", "Ethics"], type: "disjunction" } });
    expect(cite.message).toBe("The rationale must cite at least one competency by name: Empathy or Ethics.");
    expect(cite.localized(spanish)).toBe("La justificación debe citar al menos una competencia por su nombre: Empathy o Ethics.");
  });
});
