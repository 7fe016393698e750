import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { TranslatedMarker } from "@/components/translated-marker";
import { ClientMessages } from "@/i18n/client-messages";
import { shownText } from "@/lib/builtin-translation";
import { signedInServerApi } from "@/trpc/server";
import { PrintToolbar } from "./print-toolbar";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scripts");
  return { title: t("print.title") };
}

type SearchParams = Promise<{ version?: string; examples?: string }>;

export default async function PrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const includeExamples = query.examples !== "0";
  const api = await signedInServerApi();
  const guide = await api.scripts.printable({ id, versionId: query.version || undefined }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  const [t, locale, format] = await Promise.all([getTranslations("scripts"), getLocale(), getFormatter()]);
  const firstNumbers = guide.sections.map((_, index) => 1 + guide.sections.slice(0, index).reduce((n, s) => n + s.items.length, 0));

  return (
    <article className="mx-auto max-w-4xl bg-white p-6 print:max-w-none print:p-0 print:text-[11pt]">
      <div className="print:hidden">
        <Link href={`/scripts/${id}`} className="text-sm text-brand-700 underline">
          {t("print.back")}
        </Link>
        <Suspense fallback={null}>
          <ClientMessages namespaces={["scripts"]}>
            <PrintToolbar includeExamples={includeExamples} />
          </ClientMessages>
        </Suspense>
      </div>

      <header className="mt-4 border-b border-slate-300 pb-3 print:mt-0">
        <p className="text-sm text-slate-600">
          {guide.publishedAt
            ? t("print.headingPublished", { role: guide.role, version: guide.version, date: format.dateTime(guide.publishedAt, { dateStyle: "medium" }) })
            : t("print.headingDraft", { role: guide.role, version: guide.version })}
        </p>
        <h1 className="text-2xl font-semibold">{guide.title}</h1>
        <p className="mt-1 text-sm">
          {t("print.intro", { total: guide.totalMinutes, planned: guide.plannedMinutes })}
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="font-medium">{t("print.candidate")}</dt>
          <dd className="border-b border-dotted border-slate-400" />
          <dt className="font-medium">{t("print.panelist")}</dt>
          <dd className="border-b border-dotted border-slate-400" />
          <dt className="font-medium">{t("print.date")}</dt>
          <dd className="border-b border-dotted border-slate-400" />
        </dl>
        {guide.instructions && (
          <section className="mt-3" aria-label={t("print.instructions")}>
            <h2 className="text-base font-semibold">{t("print.instructions")}</h2>
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
            const text = shownText(item, "text", locale);
            const goodAnswer = shownText(item, "goodAnswer", locale);
            const example = shownText(item, "exampleAnswer", locale);
            return (
              <div key={number} className="mt-4 break-inside-avoid-page border-t border-slate-200 pt-3">
                <h3 className="font-semibold">
                  {number}. <span lang={text.lang}>{text.text}</span>
                </h3>
                <p className="text-sm text-slate-700">
                  {t(item.required ? "print.minutes" : "print.minutesOptional", { minutes: item.minutes })}
                  {(text.translated || goodAnswer.translated || example.translated) && <TranslatedMarker className="ml-2" />}
                </p>
                {item.goodAnswer && (
                  <div className="mt-2">
                    <h4 className="text-sm font-semibold">{t("print.goodAnswer")}</h4>
                    <p className="whitespace-pre-line text-sm" lang={goodAnswer.lang}>
                      {goodAnswer.text}
                    </p>
                  </div>
                )}
                {item.probes.length > 0 && (
                  <div className="mt-2">
                    <h4 className="text-sm font-semibold">{t("print.probes")}</h4>
                    <ul className="list-disc pl-5 text-sm">
                      {item.probes.map((probe, i) => (
                        <li key={i}>{probe}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {includeExamples && item.exampleAnswer && (
                  <div className="mt-2" data-testid="example-answer">
                    <h4 className="text-sm font-semibold">{t("print.exampleAnswer")}</h4>
                    <p className="whitespace-pre-line text-sm italic" lang={example.lang}>
                      {example.text}
                    </p>
                  </div>
                )}
                {item.competencies.map((c) => (
                  <table key={c.id} className="mt-2 w-full border-collapse text-left text-xs">
                    <caption className="text-left text-sm font-semibold">
                      {t("print.ratingBoxes", { competency: shownText(c, "name", locale).text })}
                    </caption>
                    <thead className="sr-only">
                      <tr>
                        <th scope="col">{t("print.level")}</th>
                        <th scope="col">{t("print.anchor")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.anchors.map((a) => (
                        <tr key={a.level} className="border border-slate-300 align-top">
                          <th scope="row" className="w-32 border-r border-slate-300 p-1 font-medium">
                            {a.level} · {t("print.levelName", { level: String(a.level) })}
                          </th>
                          <td className="p-1">{shownText(a, "description", locale).text}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
                <div className="mt-2">
                  <h4 className="text-sm font-semibold">{t("print.evidenceNotes")}</h4>
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
