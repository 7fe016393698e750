import type { Metadata } from "next";
import { Suspense } from "react";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { ResultsView } from "./results-view";

export const metadata: Metadata = { title: "Practice results" };

export default async function PracticeResultsPage() {
  const { allowed } = await pageAccess("training:manage");
  if (!allowed) {
    return <NotForYourRole title="Practice results">HR and admins see every panelist&rsquo;s practice results. Your own are on the Training page.</NotForYourRole>;
  }
  return (
    <>
      <PageHeader
        title="Practice results"
        description="Per panelist and script: the last practice, how far their ratings were from the reference, which way they lean, and the trend over their last five sessions."
      />
      <Suspense fallback={<p className="mt-6">Loading results…</p>}>
        <ResultsView />
      </Suspense>
    </>
  );
}
