// How the vacancy pages say a vacancy's dates and counts.
import type { CandidateCounts } from "@/lib/schemas/vacancies";

const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };

/** "5 Dec 2026" for "2026-12-05" (a day, with no time zone to convert). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", DAY);
}

/** "Opens 1 Dec 2026 · closes 31 Dec 2026", or what is known of it; null when neither is set. */
export function describeDates(opensOn: string | null, closesOn: string | null): string | null {
  const parts = [opensOn ? `Opens ${formatDay(opensOn)}` : null, closesOn ? `closes ${formatDay(closesOn)}` : null].filter(Boolean);
  if (parts.length === 0) return null;
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "12 candidates: 8 active, 1 appointed, 2 rejected" (statuses with none left out). */
export function describeCounts(counts: CandidateCounts): string {
  if (counts.total === 0) return "No candidates";
  const parts = [
    [counts.ACTIVE, "active"],
    [counts.HIRED, "appointed"],
    [counts.RESERVE, "on the reserve list"],
    [counts.REJECTED, "rejected"],
    [counts.WITHDRAWN, "withdrawn"],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, label]) => `${n} ${label}`);
  return `${counts.total} candidate${counts.total === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

export const SCOPED_COUNTS_NOTE = "Counts and cards include only the candidates of vacancies you manage or interviewed with your scripts.";
