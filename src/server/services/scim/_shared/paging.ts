// SCIM paging (RFC 7644 §3.4.2.4): 1-based startIndex, count capped; out-of-range values are clamped, as the RFC asks.
export const MAX_PAGE = 200;
/** No organisation has this many users or groups: a startIndex past it (up to 1E+19 and beyond) is an empty page. */
export const MAX_START_INDEX = 2 ** 31 - 1;

export type Paging = { startIndex: number; count: number };

export function pagingFrom(params: URLSearchParams): Paging {
  const start = Number.parseInt(params.get("startIndex") ?? "1", 10);
  const count = Number.parseInt(params.get("count") ?? String(MAX_PAGE), 10);
  return {
    startIndex: Number.isFinite(start) && start > 0 ? Math.min(start, MAX_START_INDEX) : 1,
    count: Number.isFinite(count) ? Math.min(Math.max(count, 0), MAX_PAGE) : MAX_PAGE,
  };
}
