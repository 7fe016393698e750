// Every refusal a user can read is a key of errors.json (issue 23), so it reaches them in their language.
// A message written as a string literal still works but is sent in English to everyone: this lists the files
// that still throw one, and fails when another file starts to (or a listed one is done: then drop its line).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import es from "@/i18n/messages/es/errors.json";
import { AppError, appError, notFound, type Translate } from "./errors";

/** Files whose messages are still made in English by code (names, labels and lists built as text). */
const PENDING = [
  "src/server/services/debriefs/decide-debrief.ts",
];

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
});
