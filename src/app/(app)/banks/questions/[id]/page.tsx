import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { TranslatedMarker } from "@/components/translated-marker";
import { shownText } from "@/lib/builtin-translation";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { BanksBreadcrumb } from "../../_components/banks-breadcrumb";
import { CompetencyChips } from "../../_components/competency-chips";
import { loadBankWriter } from "../../_components/bank-writer";
import { CopyToBank } from "./copy-to-bank";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks");
  return { title: t("question.title") };
}

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
  const [myBanks, t, locale] = await Promise.all([canWrite ? api.bankAdmin.myBanks() : [], getTranslations("banks"), getLocale()]);
  const saved = (await searchParams).saved === "1";
  const bankName = shownText(question.bank, "name", locale).text;
  const text = shownText(question, "text", locale);
  const sections = [
    { id: "assesses", heading: t("question.assesses"), shown: shownText(question, "assesses", locale) },
    { id: "how", heading: t("question.howToAnswer"), shown: shownText(question, "howToAnswer", locale) },
  ];
  const example = shownText(question, "exampleAnswer", locale);
  return (
    <article className="max-w-4xl">
      <BanksBreadcrumb
        bank={{
          name: bankName,
          href: canWrite && !question.bank.builtIn ? `/banks/manage/${question.bank.id}` : `/banks?bank=${question.bank.id}`,
        }}
      />
      {saved && (
        <p role="status" className="mt-3 text-sm font-medium text-green-800">
          {t("question.saved")}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {t(question.bank.builtIn ? "question.placeBuiltIn" : "question.place", { bank: bankName, position: question.position })}
        </p>
        {canWrite && !question.bank.builtIn && (
          <Link href={`/banks/manage/${question.bank.id}/questions/${question.id}`} className="btn-secondary">
            {t("question.edit")}
          </Link>
        )}
      </div>
      <h1 className="mt-1 text-2xl font-semibold leading-snug" lang={text.lang}>
        {text.text}
      </h1>
      {text.translated && <TranslatedMarker className="mt-2 inline-block" />}
      {question.textReconstructed && (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">{t("question.reconstructed")}</p>
      )}
      <CompetencyChips label={t("question.competenciesTested")} competencies={question.competencies} className="mt-3" />

      {canWrite && (
        <ClientMessages namespaces={["banks", "validation"]}>
          <CopyToBank
            questionId={question.id}
            builtIn={question.bank.builtIn}
            banks={myBanks.map((b) => ({ id: b.id, name: b.name }))}
          />
        </ClientMessages>
      )}

      {sections.map((s) => (
        <section key={s.id} className="mt-6" aria-labelledby={`${s.id}-heading`}>
          <h2 id={`${s.id}-heading`} className="text-lg font-semibold">
            {s.heading} {s.shown.translated && <TranslatedMarker className="ml-1 align-middle" />}
          </h2>
          <p className="mt-2 whitespace-pre-line text-slate-800" lang={s.shown.lang}>
            {s.shown.text}
          </p>
        </section>
      ))}
      <section className="mt-6" aria-labelledby="example-heading">
        <h2 id="example-heading" className="text-lg font-semibold">
          {t("question.exampleAnswer")} {example.translated && <TranslatedMarker className="ml-1 align-middle" />}
        </h2>
        <blockquote className="mt-2 whitespace-pre-line border-l-4 border-brand-100 pl-4 text-slate-800" lang={example.lang}>
          {example.text}
        </blockquote>
      </section>

      <section className="mt-8" aria-labelledby="anchors-heading">
        <h2 id="anchors-heading" className="text-lg font-semibold">{t("question.anchors")}</h2>
        <div className="mt-3 space-y-4">
          {question.competencies.map((c) => (
            <div key={c.slug} className="card">
              <h3 className="font-semibold">{c.name}</h3>
              <p className="mt-1 text-sm text-slate-700">{c.definition}</p>
              <table className="mt-3 w-full text-left text-sm">
                <caption className="sr-only">{t("question.anchorsCaption", { competency: c.name })}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="w-28 py-2 pr-3 sm:w-40">{t("question.level")}</th>
                    <th scope="col" className="py-2">{t("question.looksLike")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.anchors.map((a) => (
                    <tr key={a.level} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {a.level} · {t("question.levelName", { level: String(a.level) })}
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
      {question.source && (
        <p className="mt-6 text-xs text-slate-600">
          {t("question.source")} <span lang="en">{question.source}</span>
        </p>
      )}
    </article>
  );
}
