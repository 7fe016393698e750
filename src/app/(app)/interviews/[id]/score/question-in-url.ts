// The question in focus is kept in the URL (?q=3, counted from 1), so a reload or back and forward keeps the place.

/** The question's index (from 0) that `q` names, from a search string or an already-read number; null when absent or out of range. */
export function questionIndexFrom(search: string | number | undefined, count: number): number | null {
  const raw = typeof search === "number" ? search : Number(new URLSearchParams(search ?? "").get("q"));
  return Number.isInteger(raw) && raw >= 1 && raw <= count ? raw - 1 : null;
}

export function rememberQuestion(index: number) {
  const url = new URL(window.location.href);
  url.searchParams.set("q", String(index + 1));
  // Replaced, not pushed: moving between questions is not a page the back button should step through.
  window.history.replaceState(window.history.state, "", url);
}
