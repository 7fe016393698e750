/**
 * What in a practice answer's text could identify a real person: the candidate's name (any part of it of
 * three letters or more, as a whole word, whatever the case), their email address and phone number, and
 * any email address or phone number at all. Practice answers are shown to every member who practises, so
 * text promoted from a real interview's notes is saved only once nothing here matches.
 */
import { identifyingDetails } from "./practice-answer-file";

export type IdentifyingPerson = { name: string; email?: string | null; phone?: string | null };

/** The parts of a name worth looking for: runs of letters (apostrophes inside kept), three letters or more. */
export function nameTokens(name: string): string[] {
  const tokens = name.normalize("NFC").match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const token of tokens) {
    const letters = token.replace(/['’]/g, "");
    const key = token.toLocaleLowerCase();
    if ([...letters].length < 3 || seen.has(key)) continue;
    seen.add(key);
    result.push(token);
  }
  return result;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Occurrences of `token` in `text` as a whole word (no letter or digit either side), case-insensitive. */
function wholeWordMatches(text: string, token: string): string[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(token).replace(/['’]/g, "['’]")}(?![\\p{L}\\p{N}])`, "giu");
  return text.match(pattern) ?? [];
}

const digitsOf = (text: string) => text.replace(/\D/g, "");

/**
 * Every passage of `text` that identifies one of `people` or carries contact details, as written in the
 * text, each spelling once: name parts first, then email addresses and phone numbers.
 */
export function identifyingMatches(text: string, people: readonly IdentifyingPerson[] = []): string[] {
  const found: string[] = [];
  // Each spelling once (so "FARSI" is listed beside "Farsi": both have to go).
  const add = (match: string) => {
    if (!found.includes(match)) found.push(match);
  };
  const normalised = text.normalize("NFC");
  for (const person of people) {
    for (const token of nameTokens(person.name)) for (const match of wholeWordMatches(normalised, token)) add(match);
    const email = person.email?.trim();
    if (email) for (const match of wholeWordMatches(normalised, email)) add(match);
  }
  // A sentence's full stop after an address is not part of it.
  for (const detail of identifyingDetails(normalised)) add(detail.trim().replace(/\.+$/, ""));
  // A candidate's own phone number written another way (spaces, dashes) still counts.
  for (const person of people) {
    const phoneDigits = digitsOf(person.phone ?? "");
    if (phoneDigits.length < 7) continue;
    for (const run of normalised.match(/\+?\d[\d ()./-]{5,}\d/g) ?? []) {
      if (digitsOf(run).endsWith(phoneDigits.slice(-9)) || phoneDigits.endsWith(digitsOf(run))) {
        if (digitsOf(run).length >= 7) add(run.trim());
      }
    }
  }
  return found;
}

/** The refusal shown when text still identifies someone, naming every match. */
export function identifyingRefusal(matches: readonly string[]): string {
  const list = matches.map((m) => `“${m}”`).join(", ");
  return `The text still identifies a real person: ${list}. Take out the candidate's name and any contact details, then save again.`;
}
