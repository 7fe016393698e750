// Easy-read mode's place in the scorecard, counting one step per competency of every question (the mode
// shows one competency at a time). Its "2 of 5" and Back/Next are in easy-read-controls.tsx, loaded only
// when the mode is on.

/** Steps before question `index`, and in all: one per competency (a question rating none is one step). */
export function easyReadSteps(competencyCounts: readonly number[], index: number, active: number) {
  const size = (n: number) => Math.max(1, n);
  const before = competencyCounts.slice(0, index).reduce((sum, n) => sum + size(n), 0);
  const total = competencyCounts.reduce((sum, n) => sum + size(n), 0);
  return { step: before + Math.min(active, size(competencyCounts[index] ?? 1) - 1) + 1, total };
}
