import type { Metadata } from "next";
import { Suspense } from "react";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { CandidateList } from "./candidate-list";

export const metadata: Metadata = { title: "Candidates" };

export default async function CandidatesPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  if (!role || !roleHas(role, "candidates:read")) {
    return <NotForYourRole title="Candidates">Your role does not include candidate records. Your interviews are under My interviews.</NotForYourRole>;
  }
  return (
    <>
      <PageHeader title="Candidates" description="People interviewing with the organisation, the position they applied for and where they stand." />
      <Suspense fallback={<p className="mt-6">Loading candidates…</p>}>
        <CandidateList canCreate={roleHas(role, "candidates:write")} showContact={roleHas(role, "candidates:contact")} />
      </Suspense>
    </>
  );
}
