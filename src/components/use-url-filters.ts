"use client";
// List filters kept in the URL (so a filtered list can be shared and survives a reload), with a search
// box that applies what is typed a moment after the user pauses.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export function useUrlFilters({ searchKey = "q", resetOnChange = [] as string[], delayMs = 300 } = {}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const query = params.get(searchKey) ?? "";
  const [draft, setDraft] = useState(query);

  // The address last asked for. The router goes there after a round trip to the server, and until then the
  // address bar and `params` show the one before; a second change made meanwhile (the search box's, a moment
  // after the typing) builds on the first instead of undoing it. Forgotten once the router is there, or when
  // the browser's Back or Forward moves elsewhere.
  const requested = useRef<string | null>(null);
  useEffect(() => {
    if (requested.current === params.toString()) requested.current = null;
  }, [params]);
  useEffect(() => {
    const forget = () => {
      requested.current = null;
    };
    window.addEventListener("popstate", forget);
    return () => window.removeEventListener("popstate", forget);
  }, []);

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(requested.current ?? window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new filter starts from the first page, say.
    for (const key of resetOnChange) if (!(key in changes)) next.delete(key);
    requested.current = next.toString();
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
