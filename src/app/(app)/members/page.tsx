import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { PageHeader } from "@/components/ui/page-header";
import { MembersManager } from "./members-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MembersPage() {
  const api = await signedInServerApi();
  const [viewer, t] = await Promise.all([api.org.viewer(), getTranslations("members")]);
  return (
    <>
      <PageHeader
        title={t("heading", { org: viewer.organization?.name ?? "" })}
        description={t("description")}
      />
      <ClientMessages namespaces={["members", "validation"]}>
        <MembersManager canManage={viewer.organization?.role === "ADMIN"} currentUserId={viewer.user.id} />
      </ClientMessages>
    </>
  );
}
