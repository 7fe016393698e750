import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { pageAccess } from "@/trpc/server";
import { PlanEditor } from "./plan-editor";
import { StageStrandsSection } from "./stage-strands-section";

export const metadata: Metadata = { title: "Interview plan" };

export default async function VacancyPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api, allowed } = await pageAccess("candidates:read");
  if (!allowed) {
    return <NotForYourRole title="Interview plan">Your role does not include vacancies and their interview plans.</NotForYourRole>;
  }
  const plan = await api.vacancies.plan({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  });
  return (
    <>
      <p className="text-sm">
        <Link href={`/vacancies/${plan.vacancyId}`} className="text-brand-700 underline">
          Back to {plan.title}
        </Link>
      </p>
      <PageHeader
        className="mt-2"
        title={`Interview plan: ${plan.title}`}
        description="The stages a candidate goes through, in order: each with its published script, whether its score counts in the decision, its competency weights and its default panel."
      />
      <PlanEditor key={plan.updatedAt.toISOString()} plan={plan} />
      <StageStrandsSection key={`strands-${plan.updatedAt.toISOString()}`} stages={plan.stages} />
    </>
  );
}
