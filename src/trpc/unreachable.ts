// The words for a call that got no answer from the server: offline, the server down, or a proxy's or a captive
// portal's page where the API's answer should be. The browser's own words for that ("Failed to fetch", "Load
// failed", "NetworkError when attempting to fetch resource.") are in English whatever the reader's language and
// say nothing of what to do. The root layout puts `common.unreachable`, in the page's language, in a <meta>
// tag, so the tRPC client (./client.ts) and its loader (./load-client.ts), which run outside React and have no
// translator, can read it, and no page's JavaScript carries the words of every language (nor a copy of the
// English: the scoring page's first-load budget).
export const UNREACHABLE_META = "panelkit:unreachable";

/** The page's words for it; `fallback` (the browser's) only in a document without the tag. */
export function unreachableMessage(fallback: string): string {
  const tag = typeof document === "undefined" ? null : document.querySelector<HTMLMetaElement>(`meta[name="${UNREACHABLE_META}"]`);
  return tag?.content || fallback;
}
