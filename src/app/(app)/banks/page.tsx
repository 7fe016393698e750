import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { loadBankWriter } from "./_components/bank-writer";
import { QuestionBrowser } from "./question-browser";

export const metadata: Metadata = { title: "Question banks" };

export default async function BanksPage() {
  const { api, canWrite } = await loadBankWriter();
  const [banks, competencies] = await Promise.all([api.banks.list(), api.banks.competencies()]);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Question banks</h1>
          <p className="mt-1 text-slate-700">
            {banks.length} banks, {banks.reduce((sum, b) => sum + b.questionCount, 0)} questions. Filter by bank and competency, or
            search the questions and their guidance.
          </p>
        </div>
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <Link href="/banks/new" className="btn-secondary">
              New bank
            </Link>
            <Link href="/banks/import" className="btn-primary">
              Import an article
            </Link>
          </div>
        )}
      </div>

      <details className="card mt-4" open>
        <summary className="cursor-pointer font-semibold">All banks</summary>
        <ul className="mt-3 divide-y divide-slate-100">
          {banks.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-medium">{b.name}</span>
              {b.builtIn ? <span className="chip">Built-in</span> : <span className="chip">Your organisation</span>}
              <span className="text-sm text-slate-600">
                {b.questionCount} question{b.questionCount === 1 ? "" : "s"}
              </span>
              {canWrite && !b.builtIn && (
                <Link href={`/banks/manage/${b.id}`} className="ml-auto text-sm text-brand-700 underline" aria-label={`Manage ${b.name}`}>
                  Manage
                </Link>
              )}
            </li>
          ))}
        </ul>
        {canWrite && (
          <p className="mt-2 text-sm text-slate-600">
            Built-in banks are read-only: open a question and copy it into one of your banks to change it.
          </p>
        )}
      </details>

      <Suspense fallback={<p className="mt-6">Loading questions…</p>}>
        <QuestionBrowser
          banks={banks.map((b) => ({ id: b.id, name: b.name, questionCount: b.questionCount }))}
          competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
        />
      </Suspense>
    </>
  );
}
