import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { BanksBreadcrumb } from "../_components/banks-breadcrumb";
import { loadBankWriter } from "../_components/bank-writer";
import { WritersOnly } from "../_components/writers-only";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import an article" };

export default async function ImportPage() {
  const { api, canWrite } = await loadBankWriter();
  if (!canWrite) return <WritersOnly title="Import an article" />;
  const [competencies, myBanks] = await Promise.all([api.banks.competencies(), api.bankAdmin.myBanks()]);
  return (
    <div className="max-w-4xl">
      <BanksBreadcrumb />
      <PageHeader
        className="mt-2"
        title="Import an article"
        description={
          <>
            Paste or upload an interview-questions article (“23 Common … Interview Questions &amp; Answers”). The preview shows each
            question with suggested competencies and every problem with its line number. Fix or drop entries, then import them into a
            new bank or one of yours. Nothing is saved until you press Import.
          </>
        }
      />
      <ImportWizard
        competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
        myBanks={myBanks.map((b) => ({ id: b.id, name: b.name, questionCount: b.questionCount }))}
      />
    </div>
  );
}
