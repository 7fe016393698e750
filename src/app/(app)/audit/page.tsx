import type { Metadata } from "next";
import { Suspense } from "react";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const { viewer, allowed } = await pageAccess("audit:read");
  if (!allowed) {
    return (
      <NotForYourRole title="Audit log">Only admins read the audit log.</NotForYourRole>
    );
  }
  return (
    <>
      <PageHeader
        title="Audit log"
        description={<>Every change made in {viewer.organization?.name}, newest first. Entries can&apos;t be changed or removed.</>}
      />
      <Suspense>
        <AuditLog />
      </Suspense>
    </>
  );
}
