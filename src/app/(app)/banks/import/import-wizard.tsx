"use client";
// Paste or upload an article or a question-bank file, preview what it becomes (a spreadsheet's columns mapped
// first), fix or drop entries, then import them in one go: the source step, the column mapping and the preview
// step, with what each sends built in @/lib/bank-article/import-request.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { fileToBase64, previewRequest, type ImportTargetChoice } from "@/lib/bank-article/import-request";
import type { PreviewImportOutput } from "@/lib/schemas/banks";
import { useTRPC } from "@/trpc/react";
import type { CompetencyOption } from "../_components/competency-picker";
import { ColumnMapping, type BankMapping } from "./column-mapping";
import { PreviewStep } from "./preview-step";
import { SourceStep, type ImportSource } from "./source-step";

type Props = {
  competencies: CompetencyOption[];
  myBanks: { id: string; name: string; questionCount: number }[];
};

type Previewed = { result: PreviewImportOutput; source: ImportSource; generation: number; mapping: BankMapping | undefined };

export function ImportWizard({ competencies, myBanks }: Props) {
  const t = useTranslations("banks");
  const trpc = useTRPC();
  const [source, setSource] = useState<ImportSource>({ kind: "text", text: "", pastedHtml: null });
  const [sourceProblem, setSourceProblem] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [target, setTarget] = useState<ImportTargetChoice>({ kind: "new", newName: "", newRole: "", existingId: myBanks[0]?.id ?? "" });
  const previewImport = useMutation(trpc.bankAdmin.previewImport.mutationOptions());
  const previewImportFile = useMutation(trpc.bankAdmin.previewImportFile.mutationOptions());
  const pending = previewImport.isPending || previewImportFile.isPending;
  const error = source.kind === "file" ? previewImportFile.error : previewImport.error;

  function show(result: PreviewImportOutput, shown: ImportSource, mapping?: BankMapping) {
    // Each preview mounts a fresh preview step (key): its entries, and a new submission.
    setPreviewed((last) => ({ result, source: shown, mapping, generation: (last?.generation ?? 0) + 1 }));
    setTarget((t) => ({ ...t, newName: result.role ?? t.newName, newRole: result.role ?? t.newRole }));
  }

  async function previewFile(shown: Extract<ImportSource, { kind: "file" }>, mapping?: BankMapping) {
    setSourceProblem(null);
    const content = await fileToBase64(shown.file);
    previewImportFile.mutate({ fileName: shown.file.name, content, mapping }, { onSuccess: (result) => show(result, shown, mapping) });
  }

  function onPreview() {
    if (source.kind === "file") return void previewFile(source);
    const checked = previewRequest(source.text, source.pastedHtml);
    if (!checked.ok) return setSourceProblem(t(checked.problem.key, checked.problem.values));
    setSourceProblem(null);
    previewImport.mutate(checked.request, { onSuccess: (result) => show(result, source) });
  }

  return (
    <>
      <SourceStep
        source={source}
        onSourceChange={(next) => {
          setSource(next);
          setSourceProblem(null);
        }}
        sourceProblem={sourceProblem}
        previewError={error}
        pending={pending}
        stale={previewed !== null && previewed.source !== source}
        onPreview={onPreview}
      />
      {previewed?.result.columns && previewed.source.kind === "file" && (
        <ColumnMapping
          key={previewed.generation}
          columns={previewed.result.columns}
          pending={pending}
          onApply={(mapping) => previewed.source.kind === "file" && void previewFile(previewed.source, mapping)}
        />
      )}
      {previewed && (
        <PreviewStep
          key={previewed.generation}
          preview={previewed.result}
          mapping={previewed.result.columns?.mapping}
          competencies={competencies}
          myBanks={myBanks}
          target={target}
          onTargetChange={(patch) => setTarget((t) => ({ ...t, ...patch }))}
        />
      )}
    </>
  );
}
