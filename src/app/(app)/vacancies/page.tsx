import type { Metadata } from "next";
import { Suspense } from "react";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { VacancyList } from "./vacancy-list";

export const metadata: Metadata = { title: "Vacancies" };

export default async function VacanciesPage() {
  const { allowed, can, viewer } = await pageAccess("candidates:read");
  if (!allowed) {
    return <NotForYourRole title="Vacancies">Your role does not include vacancies and their candidates. Your interviews are under My interviews.</NotForYourRole>;
  }
  return (
    <>
      <PageHeader title="Vacancies" description="The positions the organisation is filling: their managers, interview plans and where their candidates stand." />
      <Suspense fallback={<p className="mt-6">Loading vacancies…</p>}>
        <VacancyList canCreate={can("vacancies:write")} viewerRole={viewer.organization?.role ?? null} viewerId={viewer.user.id} />
      </Suspense>
    </>
  );
}
