// An event's data as short "key: value" lines; nested values are shown as compact JSON. The keys and values are
// the event's record as stored, the same in every language: marked translate="no" (for the browser's own
// translation, and for e2e/spanish-everywhere.spec.ts, which leaves such text out).
const MAX_VALUE = 160;

function show(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

export function AuditDetails({ json }: { json: string }) {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return <span>{show(json)}</span>;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return <span>{show(data)}</span>;
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <dl translate="no" className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-medium text-slate-700">{key}</dt>
          <dd className="break-all font-mono">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
