import type { Metadata } from "next";
import Link from "next/link";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { NewAnswerForm } from "./new-answer-form";

export const metadata: Metadata = { title: "Write a practice answer" };

export default async function NewPracticeAnswerPage() {
  const { allowed } = await pageAccess("training:manage");
  if (!allowed) return <NotForYourRole title="Write a practice answer">HR and admins write the organisation&rsquo;s practice answers.</NotForYourRole>;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/training/answers" className="text-brand-700 underline">
          Practice answers
        </Link>
      </nav>
      <PageHeader className="mt-1" title="Write a practice answer" description="Choose the bank question it answers, then write or paste the answer. It is saved as a draft for its reference raters." />
      <NewAnswerForm />
    </>
  );
}
