import type { Metadata } from "next";
import Link from "next/link";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { CandidateImportWizard } from "./candidate-import-wizard";

export const metadata: Metadata = { title: "Import candidates" };

export default async function CandidateImportPage() {
  const { allowed } = await pageAccess("candidates:write");
  if (!allowed) {
    return <NotForYourRole title="Import candidates">Your role does not include adding candidates.</NotForYourRole>;
  }
  return (
    <div className="max-w-4xl">
      <p className="text-sm">
        <Link href="/candidates" className="text-brand-700 underline">
          Candidates
        </Link>
      </p>
      <PageHeader
        className="mt-2"
        title="Import candidates"
        description={
          <>
            Upload a CSV file or an Excel workbook (.xlsx) of up to 20 MB, with a header row. Choose which column holds each field, check
            every row’s problems and the people already in your organisation, then import. Nothing is saved until you press Import.
          </>
        }
      />
      <CandidateImportWizard />
    </div>
  );
}
