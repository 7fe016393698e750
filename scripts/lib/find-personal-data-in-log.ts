// The browser tests' privacy check on the app server's log: no line may carry a demo candidate's name or
// email. Reports where each one was found, by line number, without repeating the line.
import { readFileSync } from "node:fs";
import pg from "pg";

export type PersonalDataHit = { term: string; line: number };

/** Every case-insensitive occurrence of the terms in the text, by term and 1-based line number. */
export function findTerms(text: string, terms: string[]): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 3))];
  text.split("\n").forEach((line, index) => {
    const lower = line.toLowerCase();
    for (const term of wanted) if (lower.includes(term.toLowerCase())) hits.push({ term, line: index + 1 });
  });
  return hits;
}

/** The demo organisation's candidates' names and emails, as seeded (read before any test changes them). */
export async function demoCandidateTerms(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; email: string | null }>(
      `SELECT c.name, c.email FROM "Candidate" c JOIN "Organization" o ON o.id = c."orgId" WHERE o."isDemo"`,
    );
    return rows.flatMap((r) => [r.name, ...(r.email ? [r.email] : [])]);
  } finally {
    await client.end();
  }
}

export function findPersonalDataInLog(logFile: string, terms: string[]): PersonalDataHit[] {
  return findTerms(readFileSync(logFile, "utf8"), terms);
}
