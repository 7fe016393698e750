"use client";
// Filters live in the URL (?bank=&competency=&q=) so a filtered list can be shared and survives a reload.
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { TranslatedMarker } from "@/components/translated-marker";
import { shownText } from "@/lib/builtin-translation";
import { ErrorAlert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";
import { CompetencyChips } from "./_components/competency-chips";

type Props = {
  banks: { id: string; name: string; questionCount: number }[];
  competencies: { slug: string; name: string }[];
};

const PAGE_SIZE = 50;

export function QuestionBrowser({ banks, competencies }: Props) {
  const trpc = useTRPC();
  const t = useTranslations("banks");
  const locale = useLocale();
  const { params, query, draft, setDraft, update } = useUrlFilters({ resetOnChange: ["page"] });
  const bank = params.get("bank") ?? "";
  const competency = params.get("competency") ?? "";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);

  const results = useQuery({
    ...trpc.banks.searchQuestions.queryOptions({
      bankId: bank || undefined,
      competency: competency || undefined,
      query: query || undefined,
      limit: PAGE_SIZE,
      offset: page * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const total = results.data?.total ?? 0;

  return (
    <div className="mt-6">
      <form
        role="search"
        aria-label={t("browser.filter")}
        className="grid gap-3 sm:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <SelectField
          id="filter-bank"
          name="bank"
          label={t("browser.bank")}
          options={[{ value: "", label: t("browser.allBanks") }, ...banks.map((b) => ({ value: b.id, label: `${b.name} (${b.questionCount})` }))]}
          value={bank}
          onChange={(e) => update({ bank: e.target.value })}
        />
        <SelectField
          id="filter-competency"
          name="competency"
          label={t("browser.competency")}
          options={[{ value: "", label: t("browser.allCompetencies") }, ...competencies.map((c) => ({ value: c.slug, label: c.name }))]}
          value={competency}
          onChange={(e) => update({ competency: e.target.value })}
        />
        <TextField
          id="filter-search"
          name="q"
          label={t("browser.search")}
          type="search"
          placeholder={t("browser.searchPlaceholder")}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
      </form>

      <p className="mt-4 text-sm text-slate-700" role="status" aria-live="polite">
        {results.isPending ? t("browser.loading") : results.isError ? "" : t("browser.count", { count: total })}
      </p>
      <ErrorAlert error={results.error} variant="boxed" className="mt-2" />

      <ol className="mt-3 space-y-3" aria-label={t("browser.questions")}>
        {results.data?.questions.map((q) => {
          const text = shownText(q, "text", locale);
          return (
            <li key={q.id} className="card">
              <Link
                href={`/banks/questions/${q.id}`}
                lang={text.lang}
                className="text-base font-semibold text-slate-900 underline-offset-2 hover:underline"
              >
                {text.text}
              </Link>
              <p className="mt-1 text-sm text-slate-600">
                {t(q.textReconstructed ? "browser.placeReconstructed" : "browser.place", {
                  bank: shownText(q.bank, "name", locale).text,
                  position: q.position,
                })}
                {text.translated && <TranslatedMarker className="ml-2" />}
              </p>
              <CompetencyChips label={t("browser.competencies")} competencies={q.competencies} />
            </li>
          );
        })}
      </ol>
      {results.data && results.data.questions.length === 0 && (
        <p className="card mt-3 text-slate-700">{t("browser.noMatch")}</p>
      )}
      {total > PAGE_SIZE && (
        <nav aria-label={t("browser.pages")} className="mt-4 flex items-center gap-3">
          <button type="button" className="btn-secondary" disabled={page === 0} onClick={() => update({ page: String(page - 1) })}>
            {t("browser.previous")}
          </button>
          <span className="text-sm">
            {t("browser.pageOf", { page: page + 1, pages: Math.ceil(total / PAGE_SIZE) })}
          </span>
          <button
            type="button"
            className="btn-secondary"
            disabled={(page + 1) * PAGE_SIZE >= total}
            onClick={() => update({ page: String(page + 1) })}
          >
            {t("browser.next")}
          </button>
        </nav>
      )}
    </div>
  );
}
