import type { Metadata } from "next";
import { Suspense } from "react";
import { signedInServerApi } from "@/trpc/server";
import { QuestionBrowser } from "./question-browser";

export const metadata: Metadata = { title: "Question banks" };

export default async function BanksPage() {
  const api = await signedInServerApi();
  const [banks, competencies] = await Promise.all([api.banks.list(), api.banks.competencies()]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Question banks</h1>
      <p className="mt-1 text-slate-700">
        {banks.length} banks, {banks.reduce((sum, b) => sum + b.questionCount, 0)} questions. Filter by bank and competency, or search
        the questions and their guidance.
      </p>
      <Suspense fallback={<p className="mt-6">Loading questions…</p>}>
        <QuestionBrowser
          banks={banks.map((b) => ({ id: b.id, name: b.name, questionCount: b.questionCount }))}
          competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
        />
      </Suspense>
    </>
  );
}
