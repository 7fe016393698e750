import type { Metadata } from "next";
import Link from "next/link";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { PromoteNotesForm } from "./promote-notes-form";

export const metadata: Metadata = { title: "Practice answer from interview notes" };

export default async function PromoteNotesPage() {
  const { allowed } = await pageAccess("training:manage");
  if (!allowed) return <NotForYourRole title="From interview notes">HR and admins turn interview notes into practice answers.</NotForYourRole>;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/training/answers" className="text-brand-700 underline">
          Practice answers
        </Link>
      </nav>
      <PageHeader
        className="mt-1"
        title="Practice answer from interview notes"
        description="Pick a submitted scorecard's evidence notes for a bank question, edit them into an answer that identifies no one, and save it as a draft. Saving is refused while the candidate's name (any part of it), email or phone number, or any contact details, are still in the text."
      />
      <PromoteNotesForm />
    </>
  );
}
