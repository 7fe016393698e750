import { describe, expect, it } from "vitest";
import { mayMention, nameKeys, redactName, searchableText } from "./redact-name";

const X = "Candidate A";

describe("redactName: the candidate's name in any form, and nothing else", () => {
  it("replaces the name in any case, with or without accents, composed or decomposed", () => {
    const name = "José Núñez";
    expect(redactName("José Núñez was calm", name, X)).toBe(`${X} was calm`);
    expect(redactName("JOSE NUNEZ was calm", name, X)).toBe(`${X} was calm`);
    expect(redactName("jose nunez was calm", name, X)).toBe(`${X} was calm`);
    expect(redactName("Jose\u0301 Nu\u0303n\u0303ez was calm", name, X)).toBe(`${X} was calm`);
    expect(redactName("José Núñez".normalize("NFD") + ".", name, X)).toBe(`${X}.`);
    expect(redactName("Ｊｏｓｅ asked", name, X)).toBe(`${X} asked`);
    expect(redactName("Jürgen Groß said", "Jurgen Gross", X)).toBe(`${X} said`);
    expect(redactName("Jurgen Gross said", "Jürgen Groß", X)).toBe(`${X} said`);
  });

  it("matches hyphens, apostrophes and dots typed differently or left out", () => {
    const name = "Mary-Jane O'Brien";
    for (const typed of ["Mary-Jane O'Brien", "Mary Jane O’Brien", "maryjane obrien", "MARY‐JANE O BRIEN", "Mary-Jane O`Brien"]) {
      expect(redactName(`${typed} led the case`, name, X), typed).toBe(`${X} led the case`);
    }
    expect(redactName("Asked J.R. Smith, then JR Smith", "J. R. Smith", X)).toBe(`Asked ${X}, then ${X}`);
  });

  it("replaces the given name alone and the family name alone, and each half of a hyphenated name", () => {
    const name = "Mary-Jane O'Brien";
    expect(redactName("Mary-Jane paused; OBrien then said", name, X)).toBe(`${X} paused; ${X} then said`);
    expect(redactName("mary was kind, jane was firm", name, X)).toBe(`${X} was kind, ${X} was firm`);
    expect(redactName("o’brien asked; Nunez agreed", "Zoë O'Brien-Nuñez", X)).toBe(`${X} asked; ${X} agreed`);
    expect(redactName("Ms Lee agreed; LEE's answer", "Ana Lee", X)).toBe(`Ms ${X} agreed; ${X}'s answer`);
  });

  it("leaves words that only contain the name alone", () => {
    expect(redactName("Ann will announce it; Anne and Annabel, ANN.", "Ann", X)).toBe(`${X} will announce it; Anne and Annabel, ${X}.`);
    expect(redactName("Banana, Leeds, Analysis, Leeway", "Ana Lee", X)).toBe("Banana, Leeds, Analysis, Leeway");
    expect(redactName("O and Brienne", "O'Brien", X)).toBe("O and Brienne");
    expect(redactName("Brien is not how anyone writes O'Brien", "O'Brien", X)).toBe(`Brien is not how anyone writes ${X}`);
  });

  it("keeps everything around a match exactly, emoji and right-to-left text included", () => {
    expect(redactName("👩🏽‍⚕️ José — «José»\nمريم José!", "José", X)).toBe(`👩🏽‍⚕️ ${X} — «${X}»\nمريم ${X}!`);
    expect(redactName("", "José", X)).toBe("");
    expect(redactName("Nothing here", "  ", X)).toBe("Nothing here");
  });
});

describe("mayMention: a cheap check before redactName", () => {
  it("is true for every text redactName changes, and false for one without the name", () => {
    const cases: Array<[string, string]> = [
      ["Mary-Jane O'Brien", "maryjane obrien led"],
      ["Mary-Jane O'Brien", "OBrien then said"],
      ["Mary-Jane O'Brien", "jane was firm"],
      ["José Núñez", "JOSE NUNEZ was calm"],
      ["José Núñez", "Ｊｏｓｅ asked"],
      ["J. R. Smith", "Asked JR Smith"],
      ["Li Xi", "Li Xi was calm"],
      ["O'Li Smith", "O Li paused"],
    ];
    for (const [name, text] of cases) {
      expect(redactName(text, name, X), `${name} in ${text}`).not.toBe(text);
      expect(mayMention(searchableText(text), nameKeys(name)), `${name} in ${text}`).toBe(true);
    }
    expect(mayMention(searchableText("Calm and specific throughout."), nameKeys("Mary-Jane O'Brien"))).toBe(false);
    expect(mayMention(searchableText("Empathy was strong."), nameKeys("José Núñez"))).toBe(false);
  });
});
