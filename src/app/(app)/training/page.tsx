import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { TrainingHome } from "./training-home";

export const metadata: Metadata = { title: "Training" };

export default async function TrainingPage() {
  const { can } = await pageAccess("org:read");
  const manages = can("training:manage");
  return (
    <>
      <PageHeader
        title="Training"
        description="Practise rating on sample answers to a script's questions, then compare each rating with the reference rating agreed for it and the reason, on the same anchors as a live interview."
        actions={
          manages ? (
            <>
              <Link href="/training/answers" className="btn-secondary">
                Practice answers
              </Link>
              <Link href="/training/results" className="btn-secondary">
                Results
              </Link>
            </>
          ) : undefined
        }
      />
      <Suspense fallback={<p className="mt-6">Loading training…</p>}>
        <TrainingHome />
      </Suspense>
    </>
  );
}
