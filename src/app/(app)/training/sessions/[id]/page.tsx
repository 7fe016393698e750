import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { ClientMessages } from "@/i18n/client-messages";
import { signedInServerApi } from "@/trpc/server";
import { PracticeScreen } from "./practice-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("practice.title") };
}

export default async function PracticeSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await signedInServerApi();
  const session = await api.training.session({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  // The rating controls and question list are the scoring screen's, with its messages.
  return (
    <ClientMessages namespaces={["training", "scoring"]}>
      <PracticeScreen key={`${session.id}-${session.status}`} session={session} />
    </ClientMessages>
  );
}
