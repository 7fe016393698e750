import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { TRPCError } from "@trpc/server";
import { ratingLabel } from "@/lib/rating-scale";
import { signedInServerApi } from "@/trpc/server";
import { PrintToolbar } from "./print-toolbar";

export const metadata: Metadata = { title: "Interview guide" };

type SearchParams = Promise<{ version?: string; examples?: string }>;

export default async function PrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const includeExamples = query.examples !== "0";
  const api = await signedInServerApi();
  const guide = await api.scripts.printable({ id, versionId: query.version || undefined }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  const firstNumbers = guide.sections.map((_, index) => 1 + guide.sections.slice(0, index).reduce((n, s) => n + s.items.length, 0));

  return (
    <article className="mx-auto max-w-4xl bg-white p-6 print:max-w-none print:p-0 print:text-[11pt]">
      <div className="print:hidden">
        <Link href={`/scripts/${id}`} className="text-sm text-brand-700 underline">
          Back to the builder
        </Link>
        <Suspense fallback={null}>
          <PrintToolbar includeExamples={includeExamples} />
        </Suspense>
      </div>

      <header className="mt-4 border-b border-slate-300 pb-3 print:mt-0">
        <p className="text-sm text-slate-600">
          Interview guide · {guide.role} · version {guide.version}
          {guide.publishedAt ? `, published ${guide.publishedAt.toISOString().slice(0, 10)}` : " (draft)"}
        </p>
        <h1 className="text-2xl font-semibold">{guide.title}</h1>
        <p className="mt-1 text-sm">
          {guide.totalMinutes} minutes of questions, planned {guide.plannedMinutes} minutes. Rate each competency 1 to 4 against its anchors,
          or mark it not assessed. Rate on your own before the panel discusses.
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="font-medium">Candidate</dt>
          <dd className="border-b border-dotted border-slate-400" />
          <dt className="font-medium">Panelist</dt>
          <dd className="border-b border-dotted border-slate-400" />
          <dt className="font-medium">Date</dt>
          <dd className="border-b border-dotted border-slate-400" />
        </dl>
        {guide.instructions && (
          <section className="mt-3" aria-label="Instructions for the panel">
            <h2 className="text-base font-semibold">Instructions for the panel</h2>
            <p className="whitespace-pre-line text-sm">{guide.instructions}</p>
          </section>
        )}
      </header>

      {guide.sections.map((section, s) => (
        <section key={s} className={`mt-6 ${s > 0 ? "print:break-before-page" : ""}`} aria-labelledby={`section-${s}`}>
          <h2 id={`section-${s}`} className="text-xl font-semibold">
            {section.title}
          </h2>
          {section.items.map((item, i) => {
            const number = firstNumbers[s]! + i;
            return (
              <div key={number} className="mt-4 break-inside-avoid-page border-t border-slate-200 pt-3">
                <h3 className="font-semibold">
                  {number}. {item.text}
                </h3>
                <p className="text-sm text-slate-700">
                  {item.minutes} min{item.required ? "" : " · optional"}
                </p>
                {item.goodAnswer && (
                  <div className="mt-2">
                    <h4 className="text-sm font-semibold">What good looks like</h4>
                    <p className="whitespace-pre-line text-sm">{item.goodAnswer}</p>
                  </div>
                )}
                {item.probes.length > 0 && (
                  <div className="mt-2">
                    <h4 className="text-sm font-semibold">Follow-up probes</h4>
                    <ul className="list-disc pl-5 text-sm">
                      {item.probes.map((probe, i) => (
                        <li key={i}>{probe}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {includeExamples && item.exampleAnswer && (
                  <div className="mt-2" data-testid="example-answer">
                    <h4 className="text-sm font-semibold">Example answer</h4>
                    <p className="whitespace-pre-line text-sm italic">{item.exampleAnswer}</p>
                  </div>
                )}
                {item.competencies.map((c) => (
                  <table key={c.id} className="mt-2 w-full border-collapse text-left text-xs">
                    <caption className="text-left text-sm font-semibold">
                      {c.name}: rating {"\u2610"}1 {"\u2610"}2 {"\u2610"}3 {"\u2610"}4 {"\u2610"}not assessed
                    </caption>
                    <thead className="sr-only">
                      <tr>
                        <th scope="col">Level</th>
                        <th scope="col">Anchor</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.anchors.map((a) => (
                        <tr key={a.level} className="border border-slate-300 align-top">
                          <th scope="row" className="w-32 border-r border-slate-300 p-1 font-medium">
                            {a.level} · {ratingLabel(a.level)}
                          </th>
                          <td className="p-1">{a.description}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
                <div className="mt-2">
                  <h4 className="text-sm font-semibold">Evidence notes</h4>
                  <div className="h-28 rounded border border-dashed border-slate-400" aria-hidden="true" />
                </div>
              </div>
            );
          })}
        </section>
      ))}
    </article>
  );
}
