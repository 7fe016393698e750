import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { PageHeader } from "@/components/ui/page-header";
import { signedInServerApi } from "@/trpc/server";
import { SessionList } from "../../_components/session-list";

export const metadata: Metadata = { title: "Practice sessions" };

/** One member's practice sessions: theirs to see, and HR's and admins'; anyone else finds nothing here. */
export default async function PanelistPracticePage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const api = await signedInServerApi();
  const data = await api.training.sessions({ userId }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/training/results" className="text-brand-700 underline">
          Practice results
        </Link>
      </nav>
      <PageHeader className="mt-1" title={`${data.panelist.name}: practice`} description="Their practice sessions, newest first, with the figures of each finished one." />
      <SessionList sessions={data.sessions} />
    </>
  );
}
