import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { NewAnswerForm } from "./new-answer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("newAnswer.title") };
}

export default async function NewPracticeAnswerPage() {
  const [{ allowed }, t] = await Promise.all([pageAccess("training:manage"), getTranslations("training")]);
  if (!allowed) return <NotForYourRole title={t("newAnswer.title")}>{t("newAnswer.notForRole")}</NotForYourRole>;
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/training/answers" className="text-brand-700 underline">
          {t("answers.title")}
        </Link>
      </nav>
      <PageHeader className="mt-1" title={t("newAnswer.title")} description={t("newAnswer.description")} />
      <ClientMessages namespaces={["training", "validation"]}>
        <NewAnswerForm />
      </ClientMessages>
    </>
  );
}
