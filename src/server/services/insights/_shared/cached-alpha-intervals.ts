// The bootstrap behind calibration's alpha intervals is seeded, so the same rating patterns always give the
// same intervals; it is also the page's largest cost once the figures come from aggregates (up to the draw
// budget, 10 to 30 ms). Recent pages' intervals are kept by their patterns, so a reload or a second reader of
// unchanged figures gets them at once, and any change in the ratings misses the cache.
import { alphaIntervals, type AlphaInterval, type CountedUnits } from "@/lib/statistics/alpha-interval";

const KEPT = 64;
const recent = new Map<string, AlphaInterval[]>();

export function cachedAlphaIntervals(unitSets: readonly CountedUnits[]): AlphaInterval[] {
  const key = JSON.stringify(unitSets);
  const hit = recent.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    recent.delete(key);
    recent.set(key, hit);
    return hit;
  }
  const intervals = alphaIntervals(unitSets);
  recent.set(key, intervals);
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return intervals;
}
