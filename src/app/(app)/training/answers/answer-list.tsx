"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { SelectField } from "@/components/ui/field";
import { useUrlFilters } from "@/components/use-url-filters";
import { SOURCE_LABELS } from "@/lib/schemas/training";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type Row = RouterOutputs["training"]["answers"]["rows"][number];

export const STATUS_LABELS = { DRAFT: "Draft", ACTIVE: "In practice", ARCHIVED: "Archived" } as const;
const STATUS_OPTIONS = [
  { value: "", label: "Drafts and in practice" },
  { value: "DRAFT", label: "Drafts" },
  { value: "ACTIVE", label: "In practice" },
  { value: "ARCHIVED", label: "Archived" },
];

const columns: Array<ColumnDef<Row>> = [
  {
    header: "Answer",
    cell: ({ row }) => (
      <Link href={`/training/answers/${row.original.id}`} className="underline-offset-2 hover:underline">
        {row.original.excerpt}
      </Link>
    ),
  },
  { header: "Question", cell: ({ row }) => `${row.original.questionText} (${row.original.bankName})` },
  { header: "Source", cell: ({ row }) => SOURCE_LABELS[row.original.source] },
  { header: "Reference raters", cell: ({ row }) => (row.original.raters === 0 ? "None yet" : `${row.original.submitted} of ${row.original.raters} rated`) },
  { header: "Status", cell: ({ row }) => STATUS_LABELS[row.original.status] },
];

export function AnswerList() {
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const status = (params.get("status") ?? "") as "" | keyof typeof STATUS_LABELS;
  const answers = useQuery(trpc.training.answers.queryOptions({ status: status || undefined }));
  return (
    <div className="mt-6 space-y-4">
      {answers.data && (
        <p className="text-sm text-slate-700">
          Every organisation also practises on {answers.data.builtIn.answers} built-in answers to {answers.data.builtIn.questions} questions of the
          built-in banks, written for training with curated reference ratings.
        </p>
      )}
      <form role="search" aria-label="Filter practice answers" className="max-w-xs" onSubmit={(e) => e.preventDefault()}>
        <SelectField name="status" label="Status" value={status} onChange={(e) => update({ status: e.target.value })} options={STATUS_OPTIONS} />
      </form>
      <ErrorAlert error={answers.error} />
      {answers.data && (
        <DataTable
          label="Your organisation's practice answers"
          columns={columns}
          data={answers.data.rows}
          rowKey={(r) => r.id}
          testId="practice-answers"
          rowTestId="practice-answer-row"
          minWidth="min-w-[48rem]"
          empty={<p className="card text-slate-700">No practice answers of your own yet.</p>}
        />
      )}
    </div>
  );
}
