import type { Metadata } from "next";
import Link from "next/link";
import { loadBankWriter } from "../_components/bank-writer";
import { WritersOnly } from "../_components/writers-only";
import { NewBankForm } from "./new-bank-form";

export const metadata: Metadata = { title: "New question bank" };

export default async function NewBankPage() {
  const { canWrite } = await loadBankWriter();
  if (!canWrite) return <WritersOnly title="New question bank" />;
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/banks" className="text-brand-700 underline">
          Question banks
        </Link>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">New question bank</h1>
      <p className="mt-1 text-slate-700">
        Your organisation&apos;s own bank: add questions to it, copy built-in questions into it, or{" "}
        <Link href="/banks/import" className="text-brand-700 underline">
          import an article
        </Link>
        .
      </p>
      <div className="card mt-6">
        <NewBankForm />
      </div>
    </div>
  );
}
