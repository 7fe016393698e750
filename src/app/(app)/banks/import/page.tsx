import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { BanksBreadcrumb } from "../_components/banks-breadcrumb";
import { loadBankWriter } from "../_components/bank-writer";
import { WritersOnly } from "../_components/writers-only";
import { ImportWizard } from "./import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks");
  return { title: t("list.import") };
}

export default async function ImportPage() {
  const [{ api, canWrite }, t] = await Promise.all([loadBankWriter(), getTranslations("banks")]);
  if (!canWrite) return <WritersOnly title={t("list.import")} />;
  const [competencies, myBanks] = await Promise.all([api.banks.competencies(), api.bankAdmin.myBanks()]);
  return (
    <div className="max-w-4xl">
      <BanksBreadcrumb />
      <PageHeader
        className="mt-2"
        title={t("list.import")}
        description={t("import.description")}
      />
      <ClientMessages namespaces={["banks", "validation"]}>
        <ImportWizard
          competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
          myBanks={myBanks.map((b) => ({ id: b.id, name: b.name, questionCount: b.questionCount }))}
        />
      </ClientMessages>
    </div>
  );
}
