import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { shownText } from "@/lib/builtin-translation";
import { loadBankWriter } from "./_components/bank-writer";
import { QuestionBrowser } from "./question-browser";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks");
  return { title: t("title") };
}

export default async function BanksPage() {
  const { api, canWrite } = await loadBankWriter();
  const [banks, competencies, t, locale] = await Promise.all([api.banks.list(), api.banks.competencies(), getTranslations("banks"), getLocale()]);
  const named = banks.map((b) => ({ ...b, shownName: shownText(b, "name", locale) }));
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-slate-700">
            {t("list.summary", { banks: banks.length, questions: banks.reduce((sum, b) => sum + b.questionCount, 0) })}
          </p>
        </div>
        {canWrite && (
          <div className="flex flex-wrap gap-2">
            <Link href="/banks/new" className="btn-secondary">
              {t("list.newBank")}
            </Link>
            <Link href="/banks/import" className="btn-primary">
              {t("list.import")}
            </Link>
          </div>
        )}
      </div>

      <details className="card mt-4" open>
        <summary className="cursor-pointer font-semibold">{t("list.allBanks")}</summary>
        <ul className="mt-3 divide-y divide-slate-100">
          {named.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-medium" lang={b.shownName.lang}>
                {b.shownName.text}
              </span>
              {b.builtIn ? <span className="chip">{t("list.builtIn")}</span> : <span className="chip">{t("list.yourOrganisation")}</span>}
              <span className="text-sm text-slate-600">{t("list.questionCount", { count: b.questionCount })}</span>
              {canWrite && !b.builtIn && (
                <Link href={`/banks/manage/${b.id}`} className="ml-auto text-sm text-brand-700 underline" aria-label={t("list.manageBank", { bank: b.name })}>
                  {t("list.manage")}
                </Link>
              )}
            </li>
          ))}
        </ul>
        {canWrite && <p className="mt-2 text-sm text-slate-600">{t("list.builtInReadOnly")}</p>}
      </details>

      <Suspense fallback={<p className="mt-6">{t("browser.loading")}</p>}>
        <ClientMessages namespaces={["banks", "builtinContent"]}>
          <QuestionBrowser
            banks={named.map((b) => ({ id: b.id, name: b.shownName.text, questionCount: b.questionCount }))}
            competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
          />
        </ClientMessages>
      </Suspense>
    </>
  );
}
