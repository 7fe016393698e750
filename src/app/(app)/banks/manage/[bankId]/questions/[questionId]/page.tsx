import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { BanksBreadcrumb } from "../../../../_components/banks-breadcrumb";
import { loadBankWriter } from "../../../../_components/bank-writer";
import { WritersOnly } from "../../../../_components/writers-only";
import { EditQuestion } from "./edit-question";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks");
  return { title: t("edit.title") };
}

export default async function EditQuestionPage({ params }: { params: Promise<{ bankId: string; questionId: string }> }) {
  const { bankId, questionId } = await params;
  const [{ api, canWrite }, t] = await Promise.all([loadBankWriter(), getTranslations("banks")]);
  if (!canWrite) return <WritersOnly title={t("edit.title")} />;
  const [question, competencies] = await Promise.all([
    api.banks.question({ id: questionId }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
      throw error;
    }),
    api.banks.competencies(),
  ]);
  if (question.bank.id !== bankId) notFound();
  if (question.bank.builtIn) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("edit.title")}</h1>
        <p className="mt-2 max-w-2xl text-slate-700">{t("edit.builtIn")}</p>
        <Link href={`/banks/questions/${question.id}`} className="mt-4 inline-block text-brand-700 underline">
          {t("edit.back")}
        </Link>
      </>
    );
  }
  return (
    <div className="max-w-3xl">
      <BanksBreadcrumb bank={{ name: question.bank.name, href: `/banks/manage/${question.bank.id}` }} />
      <PageHeader
        className="mt-2"
        title={t("edit.heading", { position: question.position })}
        description={t("edit.description")}
      />
      <div className="card mt-6">
        <ClientMessages namespaces={["banks", "validation"]}>
          <EditQuestion
          questionId={question.id}
          baseUpdatedAt={question.updatedAt}
          competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
          initial={{
            text: question.text,
            assesses: question.assesses,
            howToAnswer: question.howToAnswer,
            exampleAnswer: question.exampleAnswer,
            competencySlugs: question.competencies.map((c) => c.slug),
          }}
          />
        </ClientMessages>
      </div>
    </div>
  );
}
