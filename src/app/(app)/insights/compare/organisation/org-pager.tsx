"use client";
// Previous and next page: buttons (keyboard and screen readers as any button), disabled at either end.
import { useTranslations } from "next-intl";

type Props = { previous: string | null; next: string | null; onPrevious: (cursor: string) => void; onNext: (cursor: string) => void };

export function OrgPager({ previous, next, onPrevious, onNext }: Props) {
  const t = useTranslations("compareOrg");
  return (
    <nav aria-label={t("pages")} className="flex flex-wrap gap-2">
      <button type="button" className="btn-secondary min-h-11" disabled={!previous} onClick={() => previous && onPrevious(previous)}>
        {t("previous")}
      </button>
      <button type="button" className="btn-primary min-h-11" disabled={!next} onClick={() => next && onNext(next)}>
        {t("next")}
      </button>
    </nav>
  );
}
