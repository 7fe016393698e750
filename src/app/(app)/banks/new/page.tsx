import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { BanksBreadcrumb } from "../_components/banks-breadcrumb";
import { loadBankWriter } from "../_components/bank-writer";
import { WritersOnly } from "../_components/writers-only";
import { NewBankForm } from "./new-bank-form";

export const metadata: Metadata = { title: "New question bank" };

export default async function NewBankPage() {
  const { canWrite } = await loadBankWriter();
  if (!canWrite) return <WritersOnly title="New question bank" />;
  return (
    <div className="max-w-2xl">
      <BanksBreadcrumb />
      <PageHeader
        className="mt-2"
        title="New question bank"
        description={
          <>
            Your organisation&apos;s own bank: add questions to it, copy built-in questions into it, or{" "}
            <Link href="/banks/import" className="text-brand-700 underline">
              import an article
            </Link>
            .
          </>
        }
      />
      <div className="card mt-6">
        <NewBankForm />
      </div>
    </div>
  );
}
