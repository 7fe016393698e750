import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { AnswerDetail } from "./answer-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("answer.title") };
}

/** One practice answer: its managers' page (raters, consensus, activation) and its reference raters' rating form. */
export default async function PracticeAnswerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await signedInServerApi();
  const answer = await api.training.answer({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  // The rating controls are the scoring screen's (CompetencyRating), with its messages.
  return (
    <ClientMessages namespaces={["training", "scoring", "validation"]}>
      <AnswerDetail initial={answer} />
    </ClientMessages>
  );
}
