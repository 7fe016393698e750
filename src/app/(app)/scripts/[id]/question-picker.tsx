"use client";
// Search the question banks without leaving the builder, and add a question to a section with its
// competencies and guidance preset from the bank.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
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

  const sectionName = sections.find((s) => s.key === targetSection)?.title || "the section";
  // While a changed filter's results load, the previous ones stay in view (no jump) but can't be added:
  // they may not match the new filter.
  const stale = results.isPlaceholderData;
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">Add questions from the banks</h2>
      <div className="mt-3 grid gap-2">
        <div>
          <label htmlFor={`${id}-section`} className="field-label">Add to section</label>
          <select id={`${id}-section`} className="field-input" value={targetSection} onChange={(e) => setSectionKey(e.target.value)}>
            {sections.map((s, i) => (
              <option key={s.key} value={s.key}>
                {s.title || `Section ${i + 1}`}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor={`${id}-bank`} className="field-label">Bank</label>
            <select id={`${id}-bank`} className="field-input" value={bankId} onChange={(e) => setBankId(e.target.value)}>
              <option value="">All banks</option>
              {banks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-competency`} className="field-label">Competency</label>
            <select id={`${id}-competency`} className="field-input" value={competency} onChange={(e) => setCompetency(e.target.value)}>
              <option value="">All</option>
              {competencies.map((c) => (
                <option key={c.id} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label htmlFor={`${id}-search`} className="field-label">Search the banks</label>
          <input id={`${id}-search`} type="search" className="field-input" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
      </div>
      <p className="mt-2 text-sm text-slate-700" role="status" aria-live="polite">
        {results.isPending
          ? "Searching…"
          : stale
            ? "Loading the questions that match the new filter…"
            : `${results.data?.total ?? 0} matching questions`}
      </p>
      {error && <p role="alert" className="mt-1 text-sm text-red-800">{error}</p>}
      <ul
        className={`mt-2 max-h-[28rem] space-y-2 overflow-y-auto pr-1 ${stale ? "opacity-60" : ""}`}
        aria-label="Bank questions"
        aria-busy={stale}
      >
        {results.data?.questions.map((q) => {
          const used = usedQuestionIds.has(q.id);
          return (
            <li key={q.id} className="rounded border border-slate-200 p-2">
              <p className="text-sm font-medium">{q.text}</p>
              <p className="mt-1 text-xs text-slate-600">
                {q.bank.name} · {q.competencies.map((c) => c.name).join(", ")}
              </p>
              <button
                type="button"
                className="btn-secondary mt-2 min-h-9"
                disabled={used || stale || adding !== null || !targetSection}
                onClick={() => void add(q.id)}
                aria-label={used ? `Already in the script: ${q.text}` : `Add to ${sectionName}: ${q.text}`}
              >
                {used ? "In the script" : adding === q.id ? "Adding…" : "Add"}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
