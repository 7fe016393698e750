/**
 * Small-number suppression for figures about groups of people. A group resting on fewer than `minCell` people
 * is hidden (primary suppression). Because the people at a stage are counted elsewhere (the pipeline board,
 * the stage's own total), one hidden group among shown ones would be recovered by subtraction; so more groups
 * are hidden, the smallest first, until at least two are hidden and together they rest on at least `minCell`
 * people (secondary suppression), or every group is hidden.
 */

export type CellVisibility = "shown" | "primary" | "secondary";

/** The organisation setting may raise the threshold, never lower it under 5. */
export const MIN_CELL_FLOOR = 5;

export function effectiveMinCell(setting: number): number {
  return Math.max(MIN_CELL_FLOOR, Math.floor(setting));
}

/**
 * Visibility of each cell of one partition of people (every group of one category at one stage, including
 * "prefer not to say" and "not answered", so the sizes add up to a total others can see). `alreadyHidden`
 * marks groups hidden by a figure the cells depend on, so this row cannot give them away either; `people`
 * gives each group's headcount when `sizes` are parts of groups, for the hidden groups' combined threshold.
 */
export function suppressSmallCells(
  sizes: readonly number[],
  minCell: number,
  options: { alreadyHidden?: readonly boolean[]; people?: readonly number[] } = {},
): CellVisibility[] {
  const alreadyHidden = options.alreadyHidden ?? [];
  // How many people each group holds, when the cell tested is a part of it (say, those not selected).
  const people = options.people ?? sizes;
  const threshold = effectiveMinCell(minCell);
  // A cell hidden by an earlier figure (say, the group's count at the stage) counts as hidden here too.
  const result: CellVisibility[] = sizes.map((n, i) => (n < threshold || alreadyHidden[i] ? "primary" : "shown"));
  if (!result.includes("primary")) return result;
  const hidden = () => result.filter((v) => v !== "shown").length;
  const hiddenPeople = () => people.reduce((sum, n, i) => (result[i] === "shown" ? sum : sum + n), 0);
  while (hidden() < sizes.length && (hidden() < 2 || hiddenPeople() < threshold)) {
    // The smallest group still shown (the first of equals), so as little as possible is lost.
    let pick = -1;
    for (let i = 0; i < sizes.length; i += 1) {
      if (result[i] === "shown" && (pick < 0 || sizes[i]! < sizes[pick]!)) pick = i;
    }
    result[pick] = "secondary";
  }
  return result;
}

/** What a hidden cell reads. */
export function fewerThan(minCell: number): string {
  return `fewer than ${effectiveMinCell(minCell)}`;
}
