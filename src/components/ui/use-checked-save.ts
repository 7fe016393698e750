// A form's save: its values checked in the browser with the procedure's own schema first (the same words
// beside the same field as the server would give), then sent; the problem to show is the check's, else the
// server's.
import { useState } from "react";
import type { z } from "zod";
import { fieldErrorFrom, type FieldProblem } from "@/components/field-error";
import { useValidateForm } from "./use-validate-form";

type Save<T> = { error: unknown; reset: () => void; mutateAsync: (data: T) => Promise<unknown> };

export function useCheckedSave<S extends z.ZodType>(schema: S, save: Save<z.output<S>>) {
  const validateForm = useValidateForm();
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const problem = checkProblem ?? fieldErrorFrom(save.error);

  async function submit(values: unknown): Promise<void> {
    const checked = validateForm(schema, values);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      save.reset();
      return;
    }
    try {
      await save.mutateAsync(checked.data);
    } catch {
      // shown from save.error
    }
  }

  return { problem, submit };
}
