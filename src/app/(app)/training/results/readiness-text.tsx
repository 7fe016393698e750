"use client";
// A member's readiness for a script that requires practice, in the reader's language from its status and
// facts (the server's English `text` when a row carries no facts), or that the script requires none.
import { useFormatter, useTranslations } from "next-intl";
import type { ReadinessFacts, ReadinessStatus } from "@/lib/schemas/readiness";
import { readinessWords } from "@/lib/training/readiness-words";

type Detail = { status: ReadinessStatus; facts?: ReadinessFacts } | null | undefined;

export function ReadinessText({ text, detail }: { text: string | null; detail?: Detail }) {
  const t = useTranslations("training");
  const say = useTranslations("training.readiness");
  const format = useFormatter();
  if (text === null) return <span className="text-slate-700">{t("results.notRequired")}</span>;
  const tone = (detail?.status ?? (text === "Ready" ? "READY" : "")) === "READY" ? "text-emerald-800" : "text-amber-900";
  const points = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  return <span className={tone}>{detail?.facts ? readinessWords(detail.status, detail.facts, say, points) : text}</span>;
}
