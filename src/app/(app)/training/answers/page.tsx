import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { AnswerList } from "./answer-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("answers.title") };
}

export default async function PracticeAnswersPage() {
  const [{ allowed }, t] = await Promise.all([pageAccess("training:manage"), getTranslations("training")]);
  if (!allowed) {
    return <NotForYourRole title={t("answers.title")}>{t("answers.notForRole")}</NotForYourRole>;
  }
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/training" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </nav>
      <PageHeader
        className="mt-1"
        title={t("answers.title")}
        description={t("answers.description")}
        actions={
          <>
            <Link href="/training/answers/new" className="btn-primary" data-testid="new-practice-answer">
              {t("answers.write")}
            </Link>
            <Link href="/training/answers/promote" className="btn-secondary" data-testid="promote-notes-link">
              {t("answers.fromNotes")}
            </Link>
          </>
        }
      />
      <Suspense fallback={<p className="mt-6">{t("answers.loading")}</p>}>
        <ClientMessages namespaces={["training"]}>
          <AnswerList />
        </ClientMessages>
      </Suspense>
    </>
  );
}
