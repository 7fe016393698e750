import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { ClientMessages } from "@/i18n/client-messages";
import { loadBankWriter } from "../../_components/bank-writer";
import { WritersOnly } from "../../_components/writers-only";
import { BankManager } from "./bank-manager";

export const metadata: Metadata = { title: "Manage question bank" };

type Api = Awaited<ReturnType<typeof loadBankWriter>>["api"];

/** The bank, or "read-only" for a built-in one; another organisation's bank is simply not found. */
async function loadOwnBank(api: Api, id: string) {
  try {
    return await api.bankAdmin.ownBank({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return "read-only" as const;
    throw error;
  }
}

function noticeFrom(params: Record<string, string | string[] | undefined>): string | null {
  const imported = Number(params.imported);
  if (Number.isInteger(imported) && imported > 0) return `Imported ${imported} question${imported === 1 ? "" : "s"} into this bank.`;
  if (params.created) return "Bank created. Add questions below, copy built-in questions into it, or import an article.";
  return null;
}

export default async function ManageBankPage({
  params,
  searchParams,
}: {
  params: Promise<{ bankId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { bankId } = await params;
  const { api, canWrite } = await loadBankWriter();
  if (!canWrite) return <WritersOnly title="Manage a question bank" />;
  const [bank, competencies] = await Promise.all([loadOwnBank(api, bankId), api.banks.competencies()]);
  if (bank === "read-only") {
    return (
      <>
        <h1 className="text-2xl font-semibold">A built-in bank</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          Built-in banks are read-only: copy a question into one of your banks to change it. Open a question and use
          “Copy to my bank”.
        </p>
        <Link href={`/banks?bank=${encodeURIComponent(bankId)}`} className="mt-4 inline-block text-brand-700 underline">
          Browse this bank
        </Link>
      </>
    );
  }
  return (
    <ClientMessages namespaces={["banks"]}>
      <BankManager
        initialBank={bank}
        competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
        notice={noticeFrom(await searchParams)}
      />
    </ClientMessages>
  );
}
