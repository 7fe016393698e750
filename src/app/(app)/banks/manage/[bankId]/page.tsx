import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { ClientMessages } from "@/i18n/client-messages";
import { loadBankWriter } from "../../_components/bank-writer";
import { WritersOnly } from "../../_components/writers-only";
import { BankManager } from "./bank-manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks");
  return { title: t("manage.title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"banks">>>;

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

function noticeFrom(params: Record<string, string | string[] | undefined>, t: T): string | null {
  const imported = Number(params.imported);
  if (Number.isInteger(imported) && imported > 0) return t("manage.imported", { count: imported });
  if (params.created) return t("manage.created");
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
  const [{ api, canWrite }, t] = await Promise.all([loadBankWriter(), getTranslations("banks")]);
  if (!canWrite) return <WritersOnly title={t("manage.writersTitle")} />;
  const [bank, competencies] = await Promise.all([loadOwnBank(api, bankId), api.banks.competencies()]);
  if (bank === "read-only") {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("manage.builtInTitle")}</h1>
        <p className="mt-2 max-w-2xl text-slate-700">{t("manage.builtInBody")}</p>
        <Link href={`/banks?bank=${encodeURIComponent(bankId)}`} className="mt-4 inline-block text-brand-700 underline">
          {t("manage.browse")}
        </Link>
      </>
    );
  }
  return (
    <ClientMessages namespaces={["banks", "validation"]}>
      <BankManager
        initialBank={bank}
        competencies={competencies.map((c) => ({ slug: c.slug, name: c.name }))}
        notice={noticeFrom(await searchParams, t)}
      />
    </ClientMessages>
  );
}
