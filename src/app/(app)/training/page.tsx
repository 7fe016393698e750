import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { TrainingHome } from "./training-home";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("title") };
}

/** `?competencies=<id>,<id>` (a refresher email's link): the competencies the refresher aims at, at most 20. */
function competencyIdsFrom(value: string | string[] | undefined): string[] {
  const raw = (Array.isArray(value) ? value.join(",") : (value ?? "")).split(",");
  const ids = raw.map((id) => id.trim()).filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id));
  return [...new Set(ids)].slice(0, 20);
}

export default async function TrainingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ can }, query, t] = await Promise.all([pageAccess("org:read"), searchParams, getTranslations("training")]);
  const competencyIds = competencyIdsFrom(query.competencies);
  const manages = can("training:manage");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("home.description")}
        actions={
          manages ? (
            <>
              <Link href="/training/answers" className="btn-secondary">
                {t("home.practiceAnswers")}
              </Link>
              <Link href="/training/results" className="btn-secondary">
                {t("home.results")}
              </Link>
            </>
          ) : undefined
        }
      />
      <Suspense fallback={<p className="mt-6">{t("home.loading")}</p>}>
        <ClientMessages namespaces={["training"]}>
          <TrainingHome competencyIds={competencyIds} />
        </ClientMessages>
      </Suspense>
    </>
  );
}
