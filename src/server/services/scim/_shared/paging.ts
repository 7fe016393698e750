// SCIM paging (RFC 7644 §3.4.2.4): 1-based startIndex, count capped; out-of-range values are clamped, as the RFC asks.
export const MAX_PAGE = 200;

export type Paging = { startIndex: number; count: number };

export function pagingFrom(params: URLSearchParams): Paging {
  const start = Number.parseInt(params.get("startIndex") ?? "1", 10);
  const count = Number.parseInt(params.get("count") ?? String(MAX_PAGE), 10);
  return {
    startIndex: Number.isFinite(start) && start > 0 ? start : 1,
    count: Number.isFinite(count) ? Math.min(Math.max(count, 0), MAX_PAGE) : MAX_PAGE,
  };
}
