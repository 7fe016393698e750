"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { useUrlFilters } from "@/components/use-url-filters";
import type { PracticeAnswerStatus } from "@/generated/prisma/enums";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type Row = RouterOutputs["training"]["answers"]["rows"][number];

export function AnswerList() {
  const t = useTranslations("training");
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const status = (params.get("status") ?? "") as "" | PracticeAnswerStatus;
  const answers = useQuery(trpc.training.answers.queryOptions({ status: status || undefined }));
  const statusOptions = [
    { value: "", label: t("answers.draftsAndActive") },
    { value: "DRAFT", label: t("answers.drafts") },
    { value: "ACTIVE", label: t("status.ACTIVE") },
    { value: "ARCHIVED", label: t("status.ARCHIVED") },
  ];
  const columns: Array<ColumnDef<Row>> = [
    {
      header: t("answers.answer"),
      cell: ({ row }) => (
        <Link href={`/training/answers/${row.original.id}`} className="underline-offset-2 hover:underline">
          {row.original.excerpt}
        </Link>
      ),
    },
    { header: t("answers.question"), cell: ({ row }) => t("answers.questionInBank", { question: row.original.questionText, bank: row.original.bankName }) },
    { header: t("answers.source"), cell: ({ row }) => t(`source.${row.original.source}`) },
    {
      header: t("answers.raters"),
      cell: ({ row }) => (row.original.raters === 0 ? t("answers.noRaters") : t("answers.ratedOf", { submitted: row.original.submitted, raters: row.original.raters })),
    },
    { header: t("answers.status"), cell: ({ row }) => t(`status.${row.original.status}`) },
  ];
  return (
    <div className="mt-6 space-y-4">
      {answers.data && (
        <p className="text-sm text-slate-700">{t("answers.builtIn", { answers: answers.data.builtIn.answers, questions: answers.data.builtIn.questions })}</p>
      )}
      <form role="search" aria-label={t("answers.filter")} className="max-w-xs" onSubmit={(e) => e.preventDefault()}>
        <SelectField name="status" label={t("answers.status")} value={status} onChange={(e) => update({ status: e.target.value })} options={statusOptions} />
      </form>
      <ErrorAlert error={answers.error} />
      {answers.data && (
        <DataTable
          label={t("answers.tableLabel")}
          columns={columns}
          data={answers.data.rows}
          rowKey={(r) => r.id}
          testId="practice-answers"
          rowTestId="practice-answer-row"
          minWidth="min-w-[48rem]"
          empty={<p className="card text-slate-700">{t("answers.none")}</p>}
        />
      )}
    </div>
  );
}
