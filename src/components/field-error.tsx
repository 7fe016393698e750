// Shows a server-side validation message next to the field it names: tRPC errors carry `data.field` (the
// first field at fault) and `data.fields` (every field at fault with its message), set by the error formatter.

export type FieldProblem = {
  message: string;
  field: string | null;
  /** Every field at fault with its own message, when the server checked the whole form at once. */
  fields?: Record<string, string> | null;
};

export function fieldErrorFrom(error: unknown): FieldProblem | null {
  if (!error || typeof error !== "object") return null;
  const { message, data } = error as { message?: string; data?: { field?: string | null; fields?: Record<string, string> | null } | null };
  if (!message) return null;
  // The server sends each field's own words in data.fields; the message is the whole story, for the form's top.
  const field = data?.field ?? null;
  const fields = data?.fields ?? null;
  return { message: (field && fields?.[field]) || message, field, fields };
}

/** The message for one field, if the problem is about it. */
export function messageFor(problem: FieldProblem | null, field: string): string | null {
  if (!problem) return null;
  return problem.fields?.[field] ?? (problem.field === field ? problem.message : null);
}

export function FieldError({ id, problem, field }: { id: string; problem: FieldProblem | null; field: string }) {
  const message = messageFor(problem, field);
  if (!message) return <span id={id} />;
  return (
    <p id={id} role="alert" className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  );
}
