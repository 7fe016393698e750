"use client";
// A form that saves a whole set of values (a settings section, a vacancy's managers, an interview's panel) sends
// them as it shows them (`shown`) with each save, so a save from an older state is refused (CONFLICT) instead of
// putting back what another tab or person changed meanwhile.
import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * `shown`: the values as the form was drawn from them, then as its last save left them. `saved(result)`, the
 * save's onSuccess: moves `shown` to the saved values at once and has the page fetched afresh (`refresh`: the
 * router's, or the query the form's data comes from).
 *
 * A form whose fields keep what was entered when the page is fetched afresh (settings, checkboxes) keeps
 * `shown` as it drew it: a newer state fetched from elsewhere is not on screen, so it must not pass the check.
 * With `followsPage`, for lists drawn from the page's data itself (a panel's members), `shown` follows
 * `values` whenever the page brings different ones, as the screen does.
 */
export function useShownValues<T>(values: T, { followsPage = false, refresh }: { followsPage?: boolean; refresh?: () => unknown } = {}) {
  const router = useRouter();
  const key = followsPage ? JSON.stringify(values) : "";
  const [state, setState] = useState({ key, shown: values });
  if (state.key !== key) setState({ key, shown: values });
  const saved = (result: T) => {
    setState((now) => ({ ...now, shown: result }));
    if (refresh) void refresh();
    else router.refresh();
  };
  return { shown: state.shown, saved };
}
