import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { SessionList } from "../../_components/session-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("panelist.title") };
}

/** One member's practice sessions: theirs to see, and HR's and admins'; anyone else finds nothing here. */
export default async function PanelistPracticePage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const [api, t] = await Promise.all([signedInServerApi(), getTranslations("training")]);
  const data = await api.training.sessions({ userId }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/training/results" className="text-brand-700 underline">
          {t("panelist.results")}
        </Link>
      </nav>
      <PageHeader className="mt-1" title={t("panelist.heading", { name: data.panelist.name })} description={t("panelist.description")} />
      <ClientMessages namespaces={["training"]}>
        <SessionList sessions={data.sessions} />
      </ClientMessages>
    </>
  );
}
