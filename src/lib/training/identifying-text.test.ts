import { describe, expect, it } from "vitest";
import { identifyingMatches, identifyingRefusal, nameTokens } from "./identifying-text";

describe("identifyingMatches", () => {
  const person = { name: "Mary-Jane O'Neil Li", email: "mj@mail.example", phone: "+44 7700 900123" };

  it("finds each name part of three letters or more as a whole word, in any case", () => {
    expect(nameTokens(person.name)).toEqual(["Mary", "Jane", "O'Neil"]);
    expect(identifyingMatches("mary said JANE and o’neil agreed; Li nodded", [person])).toEqual(["mary", "JANE", "o’neil"]);
  });

  it("does not match a name inside another word", () => {
    expect(identifyingMatches("Rosemary and Janet in Maryland", [person])).toEqual([]);
  });

  it("finds the candidate's email and phone, written another way too, and any other contact details", () => {
    expect(identifyingMatches("Write to mj@mail.example.", [person])).toEqual(["mj@mail.example"]);
    expect(identifyingMatches("Ring 07700-900-123 today", [person])).toEqual(["07700-900-123"]);
    expect(identifyingMatches("or other@x.example and 020 7946 0958", [])).toEqual(["other@x.example", "020 7946 0958"]);
  });

  it("says what to take out", () => {
    expect(identifyingRefusal(["Mary", "a@b.example"])).toContain("“Mary”, “a@b.example”");
  });
});
