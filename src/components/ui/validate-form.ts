// Checks a form's values in the browser with the same zod schema the procedure uses, so a person sees
// the same words beside the same field before anything is sent as after.
import type { z } from "zod";
import type { FieldProblem } from "@/components/field-error";
import { fieldMessages } from "@/lib/schemas/field-messages";

export type Checked<T> = { ok: true; data: T } | { ok: false; problem: FieldProblem };

export function validateForm<S extends z.ZodType>(schema: S, values: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fields = fieldMessages(result.error.issues);
  const first = result.error.issues[0];
  const field = first?.path.length ? first.path.join(".") : null;
  // zod reports at least one issue whenever parsing fails, so the message is always the schema's own words.
  return { ok: false, problem: { message: first?.message ?? "", field, fields } };
}
