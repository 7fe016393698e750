"use client";
// Paste or upload an article, preview what it becomes, fix or drop entries, then import them in one go:
// the source step and the preview step, with what each sends built in @/lib/bank-article/import-request.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { previewRequest, type ImportTargetChoice } from "@/lib/bank-article/import-request";
import type { PreviewImportOutput } from "@/lib/schemas/banks";
import { useTRPC } from "@/trpc/react";
import type { CompetencyOption } from "../_components/competency-picker";
import { PreviewStep } from "./preview-step";
import { SourceStep } from "./source-step";

type Props = {
  competencies: CompetencyOption[];
  myBanks: { id: string; name: string; questionCount: number }[];
};

type Previewed = { result: PreviewImportOutput; source: string; generation: number };

export function ImportWizard({ competencies, myBanks }: Props) {
  const trpc = useTRPC();
  const [source, setSource] = useState("");
  const [sourceProblem, setSourceProblem] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [target, setTarget] = useState<ImportTargetChoice>({ kind: "new", newName: "", newRole: "", existingId: myBanks[0]?.id ?? "" });
  const previewImport = useMutation(trpc.bankAdmin.previewImport.mutationOptions());

  function onPreview() {
    const checked = previewRequest(source);
    if (!checked.ok) return setSourceProblem(checked.message);
    setSourceProblem(null);
    previewImport.mutate(checked.request, {
      onSuccess: (result) => {
        // Each preview mounts a fresh preview step (key): its entries, and a new submission.
        setPreviewed((last) => ({ result, source: checked.request.source, generation: (last?.generation ?? 0) + 1 }));
        setTarget((t) => ({ ...t, newName: result.role ?? "", newRole: result.role ?? "" }));
      },
    });
  }

  return (
    <>
      <SourceStep
        source={source}
        onSourceChange={setSource}
        onFileLoaded={(text) => {
          setSource(text);
          setSourceProblem(null);
        }}
        sourceProblem={sourceProblem}
        previewError={previewImport.error}
        pending={previewImport.isPending}
        stale={previewed !== null && previewed.source !== source}
        onPreview={onPreview}
      />
      {previewed && (
        <PreviewStep
          key={previewed.generation}
          preview={previewed.result}
          competencies={competencies}
          myBanks={myBanks}
          target={target}
          onTargetChange={(patch) => setTarget((t) => ({ ...t, ...patch }))}
        />
      )}
    </>
  );
}
