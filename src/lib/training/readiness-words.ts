// A panelist's readiness for a script in the reader's language, from its status and facts (readiness-rules.ts):
// the training results page, the panel manager and the schedule form word it alike. `say` is a translator
// over a readiness group holding ready, never, inaccurate, inaccurateHidden, stale and ago.* (training.json's
// `readiness`, interviews.json's `readiness.status`); `points` writes a figure (0.75 · 0,75).
import type { ReadinessFacts, ReadinessStatus } from "@/lib/schemas/readiness";

export type AgoKey = "today" | "yesterday" | "days" | "weeks" | "month" | "months";
type Say = (key: string, values?: Record<string, string | number>) => string;

/** "today", "3 days ago", "2 weeks ago", "a month ago", "14 months ago", as a key and its number. */
export function agoOf(days: number): { key: AgoKey; n: number } {
  if (days === 0) return { key: "today", n: 0 };
  if (days === 1) return { key: "yesterday", n: 1 };
  if (days < 14) return { key: "days", n: days };
  if (days < 30) return { key: "weeks", n: Math.floor(days / 7) };
  const months = Math.floor(days / 30.44);
  return months <= 1 ? { key: "month", n: 1 } : { key: "months", n: months };
}

export function readinessWords(status: ReadinessStatus, facts: ReadinessFacts, say: Say, points: (value: number) => string): string {
  if (status === "READY") return say("ready");
  if (status === "NEVER") return say("never");
  const when = facts.days === null ? null : agoOf(facts.days);
  const ago = when ? say(`ago.${when.key}`, { n: when.n }) : "";
  const max = points(facts.maxMad);
  if (status === "STALE") return say("stale", { ago, months: facts.months });
  return facts.off === null ? say("inaccurateHidden", { ago, max }) : say("inaccurate", { ago, off: points(facts.off), max });
}
