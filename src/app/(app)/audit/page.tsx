import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { Suspense } from "react";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { AuditLog } from "./audit-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage() {
  const [{ viewer, allowed }, t] = await Promise.all([pageAccess("audit:read"), getTranslations("audit")]);
  if (!allowed) {
    return <NotForYourRole title={t("title")}>{t("notForRole")}</NotForYourRole>;
  }
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { org: viewer.organization?.name ?? "" })}
      />
      <ClientMessages namespaces={["audit"]}>
        <Suspense>
          <AuditLog />
        </Suspense>
      </ClientMessages>
    </>
  );
}
