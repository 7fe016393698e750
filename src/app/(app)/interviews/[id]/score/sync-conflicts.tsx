"use client";
// Changes another tab or device saved first: each conflict with what this device has and what was saved,
// and a choice between them. In its own chunk, loaded when a save comes back as a conflict (rare), not with
// the scoring screen.
import { useTranslations } from "next-intl";
import type { RatingValue } from "@/lib/scoring/save-queue";
import type { Item } from "./scoring-screen";
import type { Conflict } from "./use-scorecard-sync";

export function SyncConflicts({ conflicts, items, onResolve }: { conflicts: Conflict[]; items: Item[]; onResolve: (conflict: Conflict, choice: "mine" | "theirs") => void }) {
  const t = useTranslations("scoring");
  return (
    <section role="alert" className="mt-3 space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm" aria-label={t("conflicts.label")}>
      <p className="font-semibold">{t("conflicts.intro")}</p>
      {conflicts.map((conflict) => {
        const where = items.find((i) => i.itemId === conflict.itemId);
        const number = where?.number ?? t("conflicts.unknownNumber");
        const label =
          conflict.kind === "rating"
            ? t("conflicts.ratingWhere", { number, competency: where?.competencies.find((c) => c.id === conflict.competencyId)?.name ?? t("conflicts.competency") })
            : t("conflicts.noteWhere", { number });
        const show = (v: RatingValue | string) =>
          typeof v === "string"
            ? t("conflicts.quoted", { text: `${v.slice(0, 80)}${v.length > 80 ? "…" : ""}` })
            : v.notAssessed
              ? t("conflicts.notAssessed")
              : v.score
                ? t("conflicts.rated", { level: v.score, label: t(`levels.${v.score}`) })
                : t("conflicts.noRating");
        return (
          <div key={conflict.key} className="flex flex-wrap items-center gap-2">
            <span>{t("conflicts.line", { where: label, mine: show(conflict.mine), server: show(conflict.server) })}</span>
            <button type="button" className="btn-secondary min-h-9" onClick={() => onResolve(conflict, "mine")}>
              {t("conflicts.keepMine")}
            </button>
            <button type="button" className="btn-secondary min-h-9" onClick={() => onResolve(conflict, "theirs")}>
              {t("conflicts.useSaved")}
            </button>
          </div>
        );
      })}
    </section>
  );
}
