import type { Metadata } from "next";
import { Suspense } from "react";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { InterviewList } from "./interview-list";
import { ScheduleInterviewForm } from "./schedule-interview-form";

export const metadata: Metadata = { title: "Interviews" };

export default async function InterviewsPage() {
  const { allowed, can } = await pageAccess("candidates:read");
  if (!allowed) {
    return <NotForYourRole title="Interviews">Your role sees the interviews you sit on under My interviews.</NotForYourRole>;
  }
  const canSchedule = can("interviews:write");
  return (
    <>
      <PageHeader title="Interviews" description="Every interview of the organisation, with how many panelists have submitted their scorecards." />
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Suspense fallback={<p>Loading interviews…</p>}>
          <InterviewList />
        </Suspense>
        {canSchedule && <ScheduleInterviewForm />}
      </div>
    </>
  );
}
