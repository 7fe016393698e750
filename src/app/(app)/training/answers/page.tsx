import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { AnswerList } from "./answer-list";

export const metadata: Metadata = { title: "Practice answers" };

export default async function PracticeAnswersPage() {
  const { allowed } = await pageAccess("training:manage");
  if (!allowed) {
    return <NotForYourRole title="Practice answers">HR and admins manage the organisation&rsquo;s practice answers. You can practise on the Training page.</NotForYourRole>;
  }
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/training" className="text-brand-700 underline">
          Training
        </Link>
      </nav>
      <PageHeader
        className="mt-1"
        title="Practice answers"
        description="Sample answers panelists practise on. Your own answers are rated by two or more reference raters on their own; their agreement (or your resolution of a disagreement) becomes the reference."
        actions={
          <>
            <Link href="/training/answers/new" className="btn-primary" data-testid="new-practice-answer">
              Write an answer
            </Link>
            <Link href="/training/answers/promote" className="btn-secondary" data-testid="promote-notes-link">
              From interview notes
            </Link>
          </>
        }
      />
      <Suspense fallback={<p className="mt-6">Loading practice answers…</p>}>
        <AnswerList />
      </Suspense>
    </>
  );
}
