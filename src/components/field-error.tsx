// Shows a server-side validation message next to the field it names (tRPC errors carry `data.field`).

export type FieldProblem = { message: string; field: string | null };

export function fieldErrorFrom(error: unknown): FieldProblem | null {
  if (!error || typeof error !== "object") return null;
  const { message, data } = error as { message?: string; data?: { field?: string | null } | null };
  if (!message) return null;
  // A zod message lists "field: message" pairs; show the part for the first field only next to it.
  const field = data?.field ?? null;
  const text = field && message.startsWith(`${field}: `) ? message.split("; ")[0]!.slice(field.length + 2) : message;
  return { message: text, field };
}

export function FieldError({ id, problem, field }: { id: string; problem: FieldProblem | null; field: string }) {
  if (!problem || problem.field !== field) return <span id={id} />;
  return (
    <p id={id} role="alert" className="mt-1 text-sm font-medium text-red-700">
      {problem.message}
    </p>
  );
}
