import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { ScoringScreen } from "./scoring-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("scoring");
  return { title: t("title") };
}

export default async function ScorePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { id } = await params;
  const { q } = await searchParams;
  const api = await signedInServerApi();
  const scorecard = await api.scorecards.mine({ interviewId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  return (
    <ClientMessages namespaces={["scoring", "strands"]}>
      <ScoringScreen key={`${scorecard.id}-${scorecard.status}-${scorecard.version}`} interviewId={id} scorecard={scorecard} initialQuestion={Number(q)} />
    </ClientMessages>
  );
}
