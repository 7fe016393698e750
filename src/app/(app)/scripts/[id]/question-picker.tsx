"use client";
// Search the question banks without leaving the builder, and add a question to a section with its
// competencies and guidance preset from the bank.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
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
        <SelectField
          name="section"
          id={`${id}-section`}
          label="Add to section"
          value={targetSection}
          onChange={(e) => setSectionKey(e.target.value)}
          options={sections.map((s, i) => ({ value: s.key, label: s.title || `Section ${i + 1}` }))}
        />
        <div className="grid grid-cols-2 gap-2">
          <SelectField
            name="bank"
            id={`${id}-bank`}
            label="Bank"
            value={bankId}
            onChange={(e) => setBankId(e.target.value)}
            options={[{ value: "", label: "All banks" }, ...banks.map((b) => ({ value: b.id, label: b.name }))]}
          />
          <SelectField
            name="competency"
            id={`${id}-competency`}
            label="Competency"
            value={competency}
            onChange={(e) => setCompetency(e.target.value)}
            options={[{ value: "", label: "All" }, ...competencies.map((c) => ({ value: c.slug, label: c.name }))]}
          />
        </div>
        <TextField name="query" id={`${id}-search`} label="Search the banks" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <p className="mt-2 text-sm text-slate-700" role="status" aria-live="polite">
        {results.isPending
          ? "Searching…"
          : stale
            ? "Loading the questions that match the new filter…"
            : `${results.data?.total ?? 0} matching questions`}
      </p>
      {error && (
        <Alert variant="plain" className="mt-1 text-sm">
          {error}
        </Alert>
      )}
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
