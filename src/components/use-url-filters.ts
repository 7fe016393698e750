"use client";
// List filters kept in the URL (so a filtered list can be shared and survives a reload), with a search
// box that applies what is typed a moment after the user pauses.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

export function useUrlFilters({ searchKey = "q", resetOnChange = [] as string[], delayMs = 300 } = {}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = params.get(searchKey) ?? "";
  const [draft, setDraft] = useState(query);

  function update(changes: Record<string, string>) {
    // From the address as it is now, not as this render saw it: the search box's update runs a moment after
    // the typing, and a filter chosen in between must not be undone by it.
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new filter starts from the first page, say.
    for (const key of resetOnChange) if (!(key in changes)) next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  }

  useEffect(() => {
    if (draft === query) return;
    const timer = setTimeout(() => update({ [searchKey]: draft.trim() }), delayMs);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text should restart the timer
  }, [draft]);

  return { params, query, draft, setDraft, update };
}
