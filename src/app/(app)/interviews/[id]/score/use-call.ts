// A server call with its pending state and last error, for the submit and amend forms (no TanStack Query on
// the scoring page: see src/components/providers.tsx).
import { useState } from "react";
import { useTranslations } from "next-intl";

/** A server call with its pending state and last error, for a form's button and error message. */
export function useCall<TInput, TOutput>(call: (input: TInput) => Promise<TOutput>) {
  const t = useTranslations("scoring");
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  async function mutateAsync(input: TInput): Promise<TOutput> {
    setPending(true);
    setError(null);
    try {
      return await call(input);
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(t("somethingWrong")));
      throw caught;
    } finally {
      setPending(false);
    }
  }
  return { isPending, error, mutateAsync };
}
