// How the vacancy pages say a vacancy's dates and counts, in the page's language: `t` is the page's
// translator for the "vacancies" namespace (useTranslations on the client, getTranslations on the server).
import type { useFormatter } from "next-intl";
import type { CandidateCounts } from "@/lib/schemas/vacancies";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Formatter = Pick<ReturnType<typeof useFormatter>, "dateTime">;

/** "5 Dec 2026" for "2026-12-05": a day, with no time zone to convert (read and written as UTC). */
export function formatDay(day: string, format: Formatter): string {
  return format.dateTime(new Date(`${day}T00:00:00Z`), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "Opens 1 Dec 2026 · closes 31 Dec 2026", or what is known of it; null when neither is set. */
export function describeDates(opensOn: string | null, closesOn: string | null, t: Translate, format: Formatter): string | null {
  if (opensOn && closesOn) return t("format.opensAndCloses", { opens: formatDay(opensOn, format), closes: formatDay(closesOn, format) });
  if (opensOn) return t("format.opens", { opens: formatDay(opensOn, format) });
  if (closesOn) return t("format.closes", { closes: formatDay(closesOn, format) });
  return null;
}

const COUNTED = ["ACTIVE", "HIRED", "RESERVE", "REJECTED", "WITHDRAWN"] as const;

/** "12 candidates: 8 active, 1 appointed, 2 rejected" (statuses with none left out). */
export function describeCounts(counts: CandidateCounts, t: Translate): string {
  if (counts.total === 0) return t("format.noCandidates");
  const parts = COUNTED.filter((status) => counts[status] > 0).map((status) => t(`format.count.${status}`, { count: counts[status] }));
  return t("format.counts", { total: counts.total, parts: parts.join(", ") });
}
