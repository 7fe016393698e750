"use client";
// A settings form sends the settings as it shows them (`shown`) with each save, so a save from an older state is
// refused (CONFLICT) instead of putting back what another tab or another admin changed meanwhile. The form's
// fields keep what was entered after a save or a refusal; only its own save moves what it shows.
import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * `shown`: the settings as the form was drawn from them, then as its last save left them. `saved(result)`, the
 * save's onSuccess: moves `shown` to the saved settings and has the page fetched afresh.
 */
export function useShownSettings<T>(initial: T) {
  const router = useRouter();
  const [shown, setShown] = useState(initial);
  const saved = (result: T) => {
    setShown(result);
    router.refresh();
  };
  return { shown, saved };
}
