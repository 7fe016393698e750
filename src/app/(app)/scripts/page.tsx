import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { signedInServerApi } from "@/trpc/server";
import { ScriptList } from "./script-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scripts");
  return { title: t("list.title") };
}

export default async function ScriptsPage() {
  const api = await signedInServerApi();
  const [viewer, t] = await Promise.all([api.org.viewer(), getTranslations("scripts")]);
  const role = viewer.organization?.role;
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
      />
      <Suspense fallback={<p className="mt-6">{t("list.loading")}</p>}>
        <ClientMessages namespaces={["scripts", "validation"]}>
          <ScriptList canCreate={role === "ADMIN" || role === "HIRING_MANAGER"} />
        </ClientMessages>
      </Suspense>
    </>
  );
}
