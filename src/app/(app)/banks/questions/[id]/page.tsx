import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ratingLabel } from "@/lib/rating-scale";
import { signedInServerApi } from "@/trpc/server";
import { BanksBreadcrumb } from "../../_components/banks-breadcrumb";
import { CompetencyChips } from "../../_components/competency-chips";
import { loadBankWriter } from "../../_components/bank-writer";
import { CopyToBank } from "./copy-to-bank";

export const metadata: Metadata = { title: "Question" };

async function loadQuestion(id: string) {
  const api = await signedInServerApi();
  try {
    return await api.banks.question({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

export default async function QuestionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const question = await loadQuestion((await params).id);
  const { api, canWrite } = await loadBankWriter();
  const myBanks = canWrite ? await api.bankAdmin.myBanks() : [];
  const saved = (await searchParams).saved === "1";
  return (
    <article className="max-w-4xl">
      <BanksBreadcrumb
        bank={{
          name: question.bank.name,
          href: canWrite && !question.bank.builtIn ? `/banks/manage/${question.bank.id}` : `/banks?bank=${question.bank.id}`,
        }}
      />
      {saved && (
        <p role="status" className="mt-3 text-sm font-medium text-green-800">
          Your changes are saved.
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {question.bank.name} · question {question.position}
          {question.bank.builtIn ? " · built-in, read-only" : ""}
        </p>
        {canWrite && !question.bank.builtIn && (
          <Link href={`/banks/manage/${question.bank.id}/questions/${question.id}`} className="btn-secondary">
            Edit
          </Link>
        )}
      </div>
      <h1 className="mt-1 text-2xl font-semibold leading-snug">{question.text}</h1>
      {question.textReconstructed && (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          The source article gives no question sentence for this entry; this wording was written from what the entry assesses.
        </p>
      )}
      <CompetencyChips label="Competencies tested" competencies={question.competencies} className="mt-3" />

      {canWrite && (
        <CopyToBank
          questionId={question.id}
          builtIn={question.bank.builtIn}
          banks={myBanks.map((b) => ({ id: b.id, name: b.name }))}
        />
      )}

      <section className="mt-6" aria-labelledby="assesses-heading">
        <h2 id="assesses-heading" className="text-lg font-semibold">What it assesses</h2>
        <p className="mt-2 whitespace-pre-line text-slate-800">{question.assesses}</p>
      </section>
      <section className="mt-6" aria-labelledby="how-heading">
        <h2 id="how-heading" className="text-lg font-semibold">What a good answer covers</h2>
        <p className="mt-2 whitespace-pre-line text-slate-800">{question.howToAnswer}</p>
      </section>
      <section className="mt-6" aria-labelledby="example-heading">
        <h2 id="example-heading" className="text-lg font-semibold">Example answer</h2>
        <blockquote className="mt-2 whitespace-pre-line border-l-4 border-brand-100 pl-4 text-slate-800">{question.exampleAnswer}</blockquote>
      </section>

      <section className="mt-8" aria-labelledby="anchors-heading">
        <h2 id="anchors-heading" className="text-lg font-semibold">Rating anchors</h2>
        <div className="mt-3 space-y-4">
          {question.competencies.map((c) => (
            <div key={c.slug} className="card">
              <h3 className="font-semibold">{c.name}</h3>
              <p className="mt-1 text-sm text-slate-700">{c.definition}</p>
              <table className="mt-3 w-full text-left text-sm">
                <caption className="sr-only">Behavioural anchors for {c.name}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="w-40 py-2 pr-3">Level</th>
                    <th scope="col" className="py-2">What it looks like</th>
                  </tr>
                </thead>
                <tbody>
                  {c.anchors.map((a) => (
                    <tr key={a.level} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {a.level} · {ratingLabel(a.level)}
                      </th>
                      <td className="py-2">{a.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      </section>
      {question.source && <p className="mt-6 text-xs text-slate-600">Source: {question.source}</p>}
    </article>
  );
}
