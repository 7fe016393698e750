import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { CandidateList } from "./candidate-list";

export const metadata: Metadata = { title: "Candidates" };

export default async function CandidatesPage() {
  const { allowed, can } = await pageAccess("candidates:read");
  if (!allowed) {
    return <NotForYourRole title="Candidates">Your role does not include candidate records. Your interviews are under My interviews.</NotForYourRole>;
  }
  return (
    <>
      <PageHeader
        title="Candidates"
        description="People interviewing with the organisation, the vacancy they applied for, their stage and where they stand."
        actions={
          can("candidates:write") && (
            <Link href="/candidates/import" className="btn-secondary">
              Import from a spreadsheet
            </Link>
          )
        }
      />
      <Suspense fallback={<p className="mt-6">Loading candidates…</p>}>
        <CandidateList canCreate={can("candidates:write")} showContact={can("candidates:contact")} />
      </Suspense>
    </>
  );
}
