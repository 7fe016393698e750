import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { CandidateImportWizard } from "./candidate-import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("candidateImport"))("title") };
}

export default async function CandidateImportPage() {
  const [{ allowed }, t] = await Promise.all([pageAccess("candidates:write"), getTranslations("candidateImport")]);
  if (!allowed) {
    return <NotForYourRole title={t("title")}>{t("notForRole")}</NotForYourRole>;
  }
  return (
    <div className="max-w-4xl">
      <p className="text-sm">
        <Link href="/candidates" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        className="mt-2"
        title={t("title")}
        description={t("description")}
      />
      <ClientMessages namespaces={["candidateImport"]}>
        <CandidateImportWizard />
      </ClientMessages>
    </div>
  );
}
