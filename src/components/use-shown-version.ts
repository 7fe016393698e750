"use client";
// An edit form drawn from a record that its page fetches afresh after each save (router.refresh()). Keying the
// form on the record's updatedAt drew it afresh after every save here too: its "Saved." went at once, and
// what was typed in the moment between the save and the refresh was taken back.
import { useRouter } from "next/navigation";
import { useState } from "react";

type Versioned = { updatedAt: Date };

/**
 * `shown`: the record as the form shows it (what it checks a change made elsewhere against). `formKey`: changes
 * when a newer state from elsewhere arrives, so the form is drawn afresh from it. `saved(result)`, the save's
 * onSuccess: moves `shown` to the saved state at once (the fields the result holds), then has the page fetched
 * afresh, so that refresh changes nothing on screen. `refresh`: how the record is fetched again, for a page that
 * holds it in a query of its own (the bank's details: its mutation refetches the bank); router.refresh() if not given.
 */
export function useShownVersion<T extends Versioned>(record: T, { refresh }: { refresh?: () => void } = {}) {
  const router = useRouter();
  const [state, setState] = useState({ shown: record, formKey: 0 });
  if (record.updatedAt.getTime() > state.shown.updatedAt.getTime()) setState({ shown: record, formKey: state.formKey + 1 });
  const saved = (result: Partial<T> & Versioned) => {
    setState((now) => (result.updatedAt.getTime() > now.shown.updatedAt.getTime() ? { shown: { ...now.shown, ...result }, formKey: now.formKey } : now));
    if (refresh) refresh();
    else router.refresh();
  };
  return { shown: state.shown, formKey: state.formKey, saved };
}
