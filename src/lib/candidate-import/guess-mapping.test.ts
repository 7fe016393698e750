// The guessed mapping is part of the preview's output, whose schema allows headers of at most 300 characters:
// a longer header must never be guessed, or the preview fails its own output check (a 500 for the person).
import { describe, expect, it } from "vitest";
import { importMappingSchema, MAX_IMPORT_HEADER_CHARS } from "@/lib/schemas/candidate-import";
import { guessMapping } from "./guess-mapping";

describe("guessMapping", () => {
  it("guesses the fields from their usual header names", () => {
    expect(guessMapping(["Full name", "E-mail", "Mobile", "Job title", "Comments"])).toEqual({
      name: "Full name",
      email: "E-mail",
      phone: "Mobile",
      vacancy: "Job title",
      notes: "Comments",
    });
  });

  it("never guesses a header longer than a mapping may name, so the preview's output stays valid", () => {
    // A bilingual header: the guess compares Latin letters and digits only, so it reads as "name".
    const long = `Name / ${"Имя и фамилия кандидата полностью, как в паспорте; ".repeat(7).trim()}`;
    expect(long.length).toBeGreaterThan(MAX_IMPORT_HEADER_CHARS);
    const guessed = guessMapping([long, "Email"]);
    expect(guessed).toMatchObject({ name: null, email: "Email" });
    expect(importMappingSchema.safeParse(guessed).success).toBe(true);
    // A header of exactly the limit is still guessed.
    const atLimit = `Name ${"·".repeat(MAX_IMPORT_HEADER_CHARS - 5)}`;
    expect(atLimit).toHaveLength(MAX_IMPORT_HEADER_CHARS);
    expect(guessMapping([atLimit]).name).toBe(atLimit);
  });
});
