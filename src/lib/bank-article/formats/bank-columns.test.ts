// The guessed mapping of a question-bank sheet is part of the preview's output, whose schema allows headers of
// at most 200 characters: a long first-row title that starts like a field's name must not be guessed.
import { describe, expect, it } from "vitest";
import { bankColumnMappingSchema } from "@/lib/schemas/banks";
import { guessBankMapping, MAX_BANK_HEADER_CHARS } from "./bank-columns";

const TITLE = `Questions for the customer-service role – write one per row, ${"with what it assesses and an example answer; ".repeat(5)}`;

describe("guessBankMapping", () => {
  it("guesses by exact name first, then by a header that starts with a field's name", () => {
    expect(guessBankMapping(["Question", "Purpose", "Guidance for interviewers", "Example answer", "Skills"])).toEqual({
      text: "Question",
      assesses: "Purpose",
      howToAnswer: "Guidance for interviewers",
      exampleAnswer: "Example answer",
      competencies: "Skills",
    });
  });

  it("never guesses a header longer than a mapping may name, so the preview's output stays valid", () => {
    expect(TITLE.length).toBeGreaterThan(MAX_BANK_HEADER_CHARS);
    const guessed = guessBankMapping([TITLE, "Column B", "Example answer (what a strong candidate says)"]);
    expect(guessed.text).toBeNull();
    expect(guessed.exampleAnswer).toBe("Example answer (what a strong candidate says)");
    expect(bankColumnMappingSchema.safeParse(guessed).success).toBe(true);
    // A header of exactly the limit is still guessed.
    const atLimit = `Question ${"x".repeat(MAX_BANK_HEADER_CHARS - 9)}`;
    expect(guessBankMapping([atLimit]).text).toBe(atLimit);
  });
});
