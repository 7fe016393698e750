"use client";
// A member's readiness for a script that requires practice, in the reader's language from its status and
// facts (the server's English `text` when a row carries no facts), or that the script requires none.
import { useFormatter, useTranslations } from "next-intl";
import type { ReadinessFacts, ReadinessStatus } from "@/lib/schemas/readiness";

type Detail = { status: ReadinessStatus; facts?: ReadinessFacts } | null | undefined;

/** "today", "3 days ago", "2 weeks ago", "a month ago", "14 months ago": readiness-rules.ts ago(), as a key. */
function agoOf(days: number): { key: string; n: number } {
  if (days === 0) return { key: "today", n: 0 };
  if (days === 1) return { key: "yesterday", n: 1 };
  if (days < 14) return { key: "days", n: days };
  if (days < 30) return { key: "weeks", n: Math.floor(days / 7) };
  const months = Math.floor(days / 30.44);
  return months <= 1 ? { key: "month", n: 1 } : { key: "months", n: months };
}

export function ReadinessText({ text, detail }: { text: string | null; detail?: Detail }) {
  const t = useTranslations("training");
  const format = useFormatter();
  if (text === null) return <span className="text-slate-700">{t("results.notRequired")}</span>;
  const tone = (detail?.status ?? (text === "Ready" ? "READY" : "")) === "READY" ? "text-emerald-800" : "text-amber-900";
  return <span className={tone}>{detail?.facts ? words(detail.status, detail.facts) : text}</span>;

  function words(status: ReadinessStatus, facts: ReadinessFacts): string {
    const points = (value: number) => format.number(value, { maximumFractionDigits: 2 });
    const when = facts.days === null ? null : agoOf(facts.days);
    const ago = when ? t(`readiness.ago.${when.key}`, { n: when.n }) : "";
    const max = points(facts.maxMad);
    if (status === "READY") return t("readiness.ready");
    if (status === "NEVER") return t("readiness.never");
    if (status === "STALE") return t("readiness.stale", { ago, months: facts.months });
    return facts.off === null ? t("readiness.inaccurateHidden", { ago, max }) : t("readiness.inaccurate", { ago, off: points(facts.off), max });
  }
}
