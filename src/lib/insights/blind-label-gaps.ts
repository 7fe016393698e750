// Blind labels number every candidate of a position in the order they were added (Candidate A, B, …) and
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

export type BlindLabelGap = { position: string; missing: string[] };

/**
 * Per position, the labels below the highest one shown that are not shown, in label order. Rows whose
 * label is not a blind label (an erased candidate, say) are ignored. At most `limit` labels per position
 * are listed; `more` counts the rest.
 */
export function blindLabelGaps(
  rows: ReadonlyArray<{ label: string; position: string }>,
  limit = 10,
): Array<BlindLabelGap & { more: number }> {
  const shownByPosition = new Map<string, Set<number>>();
  for (const row of rows) {
    const match = /^Candidate ([A-Z]+)$/.exec(row.label);
    const ordinal = match ? letterOrdinal(match[1]!) : null;
    if (ordinal === null) continue;
    const shown = shownByPosition.get(row.position) ?? new Set<number>();
    shown.add(ordinal);
    shownByPosition.set(row.position, shown);
  }
  const gaps: Array<BlindLabelGap & { more: number }> = [];
  for (const [position, shown] of [...shownByPosition].sort(([a], [b]) => a.localeCompare(b))) {
    const highest = Math.max(...shown);
    const missing: string[] = [];
    for (let n = 1; n < highest; n++) if (!shown.has(n)) missing.push(`Candidate ${ordinalLetters(n)}`);
    if (missing.length) gaps.push({ position, missing: missing.slice(0, limit), more: Math.max(0, missing.length - limit) });
  }
  return gaps;
}
