// How the fairness report's figures read on the page: suppressed cells say "fewer than N", missing ones a dash.

export const dash = "–";

export function countText(value: number | null, hidden: boolean, hiddenText: string): string {
  if (hidden) return hiddenText;
  return value === null ? dash : String(value);
}

export function rateText(rate: number | null, hidden: boolean, hiddenText: string): string {
  if (rate === null) return hidden ? hiddenText : dash;
  return `${Math.round(rate * 100)}%`;
}

export function fixed(value: number | null, digits = 2): string {
  return value === null ? dash : value.toFixed(digits);
}

export function pText(p: number | null): string {
  if (p === null) return dash;
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

/** The query string the page, its filters and the CSV export share. */
export function reportQuery(filters: { vacancy?: string; from?: string; to?: string }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
