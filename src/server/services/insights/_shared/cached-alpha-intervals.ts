// The bootstrap behind calibration's alpha intervals is seeded, so the same rating patterns always give the
// same intervals; it is also the page's largest cost once the figures come from aggregates (up to the draw
// budget, 10 to 30 ms). Recent pages' intervals are kept by their patterns, so a reload or a second reader of
// unchanged figures gets them at once, and any change in the ratings misses the cache.
import { alphaIntervals, type AlphaInterval, type CountedUnits } from "@/lib/statistics/alpha-interval";

const KEPT = 64;
const recent = new Map<string, AlphaInterval[]>();

/**
 * The intervals of the unit sets `key` names (it must tell apart any two lists of sets whose intervals could
 * differ: the callers write each set's patterns out); `unitSets` is called only when they are not kept.
 */
export function cachedAlphaIntervals(key: string, unitSets: () => readonly CountedUnits[]): AlphaInterval[] {
  const hit = recent.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    recent.delete(key);
    recent.set(key, hit);
    return hit;
  }
  const intervals = alphaIntervals(unitSets());
  recent.set(key, intervals);
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return intervals;
}
