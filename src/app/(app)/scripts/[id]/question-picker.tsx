"use client";
// Search the question banks without leaving the builder, and add a question to a section with its
// competencies and guidance preset from the bank.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { TranslatedMarker } from "@/components/translated-marker";
import { shownText } from "@/lib/builtin-translation";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import type { BankInfo, CompetencyInfo } from "./builder-types";

export type PickedQuestion = {
  questionId: string;
  text: string;
  goodAnswer: string;
  exampleAnswer: string;
  competencyIds: string[];
};

type Props = {
  banks: BankInfo[];
  competencies: (CompetencyInfo & { slug: string })[];
  sections: { key: string; title: string }[];
  usedQuestionIds: ReadonlySet<string>;
  onAdd: (sectionKey: string, question: PickedQuestion) => void;
};

export function QuestionPicker({ banks, competencies, sections, usedQuestionIds, onAdd }: Props) {
  const trpc = useTRPC();
  const t = useTranslations("scripts");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const id = useId();
  const [sectionKey, setSectionKey] = useState(sections[0]?.key ?? "");
  const [bankId, setBankId] = useState("");
  const [competency, setCompetency] = useState("");
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [adding, setAdding] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const targetSection = sections.some((s) => s.key === sectionKey) ? sectionKey : (sections[0]?.key ?? "");

  const results = useQuery({
    ...trpc.banks.searchQuestions.queryOptions({
      bankId: bankId || undefined,
      competency: competency || undefined,
      query: query || undefined,
      limit: 20,
    }),
    placeholderData: keepPreviousData,
  });

  async function add(questionId: string) {
    setAdding(questionId);
    setError(null);
    try {
      const question = await queryClient.fetchQuery(trpc.banks.question.queryOptions({ id: questionId }));
      // The item keeps the bank's English wording; pages show its translation while it stays unchanged.
      onAdd(targetSection, {
        questionId,
        text: question.text,
        goodAnswer: question.howToAnswer,
        exampleAnswer: question.exampleAnswer,
        competencyIds: question.competencies.map((c) => c.id),
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setAdding(null);
    }
  }

  const sectionName = sections.find((s) => s.key === targetSection)?.title || t("picker.theSection");
  // While a changed filter's results load, the previous ones stay in view (no jump) but can't be added:
  // they may not match the new filter.
  const stale = results.isPlaceholderData;
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t("picker.heading")}
      </h2>
      <div className="mt-3 grid gap-2">
        <SelectField
          name="section"
          id={`${id}-section`}
          label={t("picker.section")}
          value={targetSection}
          onChange={(e) => setSectionKey(e.target.value)}
          options={sections.map((s, i) => ({ value: s.key, label: s.title || t("picker.sectionNumber", { number: i + 1 }) }))}
        />
        <div className="grid grid-cols-2 gap-2">
          <SelectField
            name="bank"
            id={`${id}-bank`}
            label={t("picker.bank")}
            value={bankId}
            onChange={(e) => setBankId(e.target.value)}
            options={[{ value: "", label: t("picker.allBanks") }, ...banks.map((b) => ({ value: b.id, label: b.name }))]}
          />
          <SelectField
            name="competency"
            id={`${id}-competency`}
            label={t("picker.competency")}
            value={competency}
            onChange={(e) => setCompetency(e.target.value)}
            options={[{ value: "", label: t("picker.allCompetencies") }, ...competencies.map((c) => ({ value: c.slug, label: c.name }))]}
          />
        </div>
        <TextField name="query" id={`${id}-search`} label={t("picker.search")} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <p className="mt-2 text-sm text-slate-700" role="status" aria-live="polite">
        {results.isPending ? t("picker.searching") : stale ? t("picker.loadingFilter") : t("picker.count", { count: results.data?.total ?? 0 })}
      </p>
      {error && (
        <Alert variant="plain" className="mt-1 text-sm">
          {error}
        </Alert>
      )}
      <ul
        className={`mt-2 max-h-[28rem] space-y-2 overflow-y-auto pr-1 ${stale ? "opacity-60" : ""}`}
        aria-label={t("picker.results")}
        aria-busy={stale}
      >
        {results.data?.questions.map((q) => {
          const used = usedQuestionIds.has(q.id);
          const text = shownText(q, "text", locale);
          return (
            <li key={q.id} className="rounded border border-slate-200 p-2">
              <p className="text-sm font-medium" lang={text.lang}>
                {text.text}
              </p>
              <p className="mt-1 text-xs text-slate-600">
                {shownText(q.bank, "name", locale).text} · {q.competencies.map((c) => c.name).join(", ")}
                {text.translated && <TranslatedMarker className="ml-2" />}
              </p>
              <button
                type="button"
                className="btn-secondary mt-2 min-h-9"
                disabled={used || stale || adding !== null || !targetSection}
                onClick={() => void add(q.id)}
                aria-label={used ? t("picker.alreadyLabel", { question: text.text }) : t("picker.addLabel", { section: sectionName, question: text.text })}
              >
                {used ? t("picker.inScript") : adding === q.id ? t("picker.adding") : t("picker.add")}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
