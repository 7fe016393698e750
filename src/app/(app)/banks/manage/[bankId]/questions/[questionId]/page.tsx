import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "@/components/ui/page-header";
import { BanksBreadcrumb } from "../../../../_components/banks-breadcrumb";
import { loadBankWriter } from "../../../../_components/bank-writer";
import { WritersOnly } from "../../../../_components/writers-only";
import { EditQuestion } from "./edit-question";

export const metadata: Metadata = { title: "Edit question" };

export default async function EditQuestionPage({ params }: { params: Promise<{ bankId: string; questionId: string }> }) {
  const { bankId, questionId } = await params;
  const { api, canWrite } = await loadBankWriter();
  if (!canWrite) return <WritersOnly title="Edit question" />;
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
        <h1 className="text-2xl font-semibold">Edit question</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          Built-in banks are read-only: copy the question into one of your banks to change it.
        </p>
        <Link href={`/banks/questions/${question.id}`} className="mt-4 inline-block text-brand-700 underline">
          Back to the question
        </Link>
      </>
    );
  }
  return (
    <div className="max-w-3xl">
      <BanksBreadcrumb bank={{ name: question.bank.name, href: `/banks/manage/${question.bank.id}` }} />
      <PageHeader
        className="mt-2"
        title={`Edit question ${question.position}`}
        description="Changes apply to this bank only; interview scripts that already use the question keep their own wording."
      />
      <div className="card mt-6">
        <EditQuestion
          questionId={question.id}
          competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
          initial={{
            text: question.text,
            assesses: question.assesses,
            howToAnswer: question.howToAnswer,
            exampleAnswer: question.exampleAnswer,
            competencySlugs: question.competencies.map((c) => c.slug),
          }}
        />
      </div>
    </div>
  );
}
