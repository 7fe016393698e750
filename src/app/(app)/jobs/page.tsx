import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { STATE_LABELS } from "./job-labels";
import { JobsTable } from "./jobs-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

export default async function JobsPage() {
  const [{ api, viewer, allowed }, t] = await Promise.all([pageAccess("audit:read"), getTranslations("jobs")]);
  if (!allowed) {
    return <NotForYourRole title={t("title")}>{t("notForRole")}</NotForYourRole>;
  }
  const { jobs, counts } = await api.jobs.list();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={<span className="block max-w-3xl">{t("description", { org: viewer.organization?.name ?? "" })}</span>}
      />
      <ul className="mt-4 flex flex-wrap gap-2" aria-label={t("byState")}>
        {(Object.keys(STATE_LABELS) as Array<keyof typeof STATE_LABELS>).map((state) => (
          <li key={state} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm">
            {t(`state.${state}`)}: <strong>{counts[state] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {jobs.length === 0 ? (
        <p className="mt-6 text-slate-700">{t("nothingWaiting")}</p>
      ) : (
        <div className="mt-6">
          <ClientMessages namespaces={["jobs"]}>
            <JobsTable jobs={jobs} />
          </ClientMessages>
        </div>
      )}
    </>
  );
}
