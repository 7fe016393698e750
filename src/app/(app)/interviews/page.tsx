import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { ClientMessages } from "@/i18n/client-messages";
import { pageAccess } from "@/trpc/server";
import { InterviewList } from "./interview-list";
import { ScheduleInterviewForm } from "./schedule-interview-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("interviews"))("title") };
}

export default async function InterviewsPage() {
  const [{ allowed, can }, t] = await Promise.all([pageAccess("candidates:read"), getTranslations("interviews")]);
  if (!allowed) {
    return <NotForYourRole title={t("title")}>{t("notForRole")}</NotForYourRole>;
  }
  const canSchedule = can("interviews:write");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ClientMessages namespaces={["interviews", "validation"]}>
        <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_22rem]">
          <Suspense fallback={<p>{t("loading")}</p>}>
            <InterviewList />
          </Suspense>
          {canSchedule && <ScheduleInterviewForm />}
        </div>
      </ClientMessages>
    </>
  );
}
