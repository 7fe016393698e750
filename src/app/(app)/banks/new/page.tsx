import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { BanksBreadcrumb } from "../_components/banks-breadcrumb";
import { loadBankWriter } from "../_components/bank-writer";
import { WritersOnly } from "../_components/writers-only";
import { NewBankForm } from "./new-bank-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks");
  return { title: t("new.title") };
}

export default async function NewBankPage() {
  const [{ canWrite }, t] = await Promise.all([loadBankWriter(), getTranslations("banks")]);
  if (!canWrite) return <WritersOnly title={t("new.title")} />;
  return (
    <div className="max-w-2xl">
      <BanksBreadcrumb />
      <PageHeader
        className="mt-2"
        title={t("new.title")}
        description={t.rich("new.description", {
          link: (chunks) => (
            <Link href="/banks/import" className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      />
      <div className="card mt-6">
        <ClientMessages namespaces={["banks", "validation"]}>
          <NewBankForm />
        </ClientMessages>
      </div>
    </div>
  );
}
