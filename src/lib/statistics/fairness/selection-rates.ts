/**
 * Selection rates per group and the adverse-impact figures built on them: the impact ratio against the group
 * with the highest rate and the four-fifths rule of thumb (Uniform Guidelines, 29 CFR 1607.4(D)), and the
 * NHS Workforce Race Equality Standard's relative likelihood (reference group's rate / the group's rate).
 */

export type GroupCount = { group: string; selected: number; total: number };

export type GroupRate = GroupCount & {
  /** selected / total; null with nobody in the group. */
  rate: number | null;
  /** rate / the highest rate among the compared groups; null when either is undefined or the highest is 0. */
  impactRatio: number | null;
  /** The impact ratio is under four fifths. */
  fourFifthsFlag: boolean;
};

export const FOUR_FIFTHS = 0.8;

export function selectionRate(selected: number, total: number): number | null {
  if (selected < 0 || total < 0 || selected > total) throw new RangeError(`Cannot select ${selected} of ${total}`);
  return total > 0 ? selected / total : null;
}

/** Each group's rate and impact ratio against the group with the highest rate (which gets 1). */
export function impactRatios(groups: readonly GroupCount[]): GroupRate[] {
  const rates = groups.map((g) => selectionRate(g.selected, g.total));
  const highest = Math.max(0, ...rates.filter((r): r is number => r !== null));
  return groups.map((g, i) => {
    const rate = rates[i]!;
    const impactRatio = rate === null || highest === 0 ? null : rate / highest;
    // Compared with a tolerance: 4/5 exactly is at the threshold, not under it.
    return { ...g, rate, impactRatio, fourFifthsFlag: impactRatio !== null && impactRatio < FOUR_FIFTHS - 1e-12 };
  });
}

/**
 * The WRES figure: how many times as likely someone shortlisted in the reference group was to be appointed as
 * someone shortlisted in `group`. Above 1: the group was less likely to be appointed. null when undefined
 * (no one shortlisted in either, or no one appointed from the group).
 */
export function relativeLikelihood(
  reference: { appointed: number; shortlisted: number },
  group: { appointed: number; shortlisted: number },
): number | null {
  const referenceRate = selectionRate(reference.appointed, reference.shortlisted);
  const groupRate = selectionRate(group.appointed, group.shortlisted);
  if (referenceRate === null || groupRate === null || groupRate === 0) return null;
  return referenceRate / groupRate;
}
