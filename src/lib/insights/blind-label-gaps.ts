// Blind labels number every candidate of a vacancy in the order they were added (Candidate A, B, …) and
// never change, so a table that lists only some of them skips letters. These are the skipped ones, so
// the table can say who is not listed instead of leaving people to wonder.

/** "A" → 1, "Z" → 26, "AA" → 27 (the inverse of ordinalLetters); null for anything else. */
export function letterOrdinal(letters: string): number | null {
  if (!/^[A-Z]+$/.test(letters)) return null;
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 27 → "AA" (bijective base 26): the letters of blind labels, on the server and in the browser. */
export function ordinalLetters(position: number): string {
  let n = position;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export type BlindLabelGap = { vacancyId: string; vacancy: string; missing: string[] };

/**
 * Per vacancy, the labels below the highest one shown that are not shown, in label order. Rows whose
 * label is not a blind label (an erased candidate, say) are ignored. At most `limit` labels per vacancy
 * are listed; `more` counts the rest. Vacancies are told apart by id (two may share a title) and listed
 * by title.
 */
export function blindLabelGaps(
  rows: ReadonlyArray<{ label: string; vacancyId: string; vacancy: string }>,
  limit = 10,
): Array<BlindLabelGap & { more: number }> {
  const shownByVacancy = new Map<string, { title: string; shown: Set<number> }>();
  for (const row of rows) {
    const match = /^Candidate ([A-Z]+)$/.exec(row.label);
    const ordinal = match ? letterOrdinal(match[1]!) : null;
    if (ordinal === null) continue;
    const entry = shownByVacancy.get(row.vacancyId) ?? { title: row.vacancy, shown: new Set<number>() };
    entry.shown.add(ordinal);
    shownByVacancy.set(row.vacancyId, entry);
  }
  const gaps: Array<BlindLabelGap & { more: number }> = [];
  const ordered = [...shownByVacancy].sort(([idA, a], [idB, b]) => a.title.localeCompare(b.title) || idA.localeCompare(idB));
  for (const [vacancyId, { title, shown }] of ordered) {
    const highest = Math.max(...shown);
    const missing: string[] = [];
    for (let n = 1; n < highest; n++) if (!shown.has(n)) missing.push(`Candidate ${ordinalLetters(n)}`);
    if (missing.length) gaps.push({ vacancyId, vacancy: title, missing: missing.slice(0, limit), more: Math.max(0, missing.length - limit) });
  }
  return gaps;
}
