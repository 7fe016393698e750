"use client";
// The list of questions beside the one in focus (a row of numbers on narrow screens), each marked rated or
// not. Shared by live interviews and practice sessions.
import { useTranslations } from "next-intl";

export type NavItem = { key: string; number: number; text: string; done: boolean; required: boolean };

export function QuestionNav({ items, index, onGo, label }: { items: readonly NavItem[]; index: number; onGo: (index: number) => void; label?: string }) {
  const t = useTranslations("scoring.nav");
  return (
    <nav aria-label={label ?? t("questions")} className="card h-fit p-2">
      <ol className="flex gap-1 overflow-x-auto relative lg:flex-col">
        {items.map((it, i) => (
          <li key={it.key}>
            <button
              type="button"
              onClick={() => onGo(i)}
              aria-current={i === index ? "step" : undefined}
              className={`flex min-h-11 w-full min-w-11 items-center gap-2 rounded px-2 text-left text-sm ${
                i === index ? "bg-brand-50 font-semibold text-brand-800" : "hover:bg-slate-100"
              }`}
            >
              <span aria-hidden="true">{it.done ? "✓" : it.required ? "•" : "○"}</span>
              <span>
                {it.number}
                <span className="hidden lg:inline">. {it.text.length > 28 ? `${it.text.slice(0, 27)}…` : it.text}</span>
                <span className="sr-only">{it.done ? t("rated") : t("notRated")}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Previous and Next with the keys hint between them; the two buttons keep the ends of their row at every width. */
export function QuestionPager({ index, count, onGo, keysHint }: { index: number; count: number; onGo: (index: number) => void; keysHint: string }) {
  const t = useTranslations("scoring.nav");
  return (
    <div className="mt-4 grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-2">
      <button type="button" className="btn-secondary col-start-1 row-start-1" disabled={index === 0} onClick={() => onGo(index - 1)}>
        {t("previous")}
      </button>
      <p className="col-span-3 row-start-2 text-center text-xs text-slate-600 sm:col-span-1 sm:col-start-2 sm:row-start-1">{keysHint}</p>
      <button type="button" className="btn-secondary col-start-3 row-start-1" disabled={index === count - 1} onClick={() => onGo(index + 1)}>
        {t("next")}
      </button>
    </div>
  );
}
