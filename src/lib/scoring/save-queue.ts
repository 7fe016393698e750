// The panelist's unsent changes, in the order they were made. Kept in the browser (localStorage) so
// ratings made offline survive a reload, and sent one at a time when the server can be reached.
// Pure functions: the React hook in the scoring screen does the I/O.

export type RatingValue = { score: number | null; notAssessed: boolean };

export type QueuedChange =
  | { kind: "rating"; itemId: string; competencyId: string; value: RatingValue; baseVersion: number }
  | { kind: "note"; itemId: string; body: string; baseVersion: number };

export const cellKey = (change: Pick<QueuedChange, "kind" | "itemId"> & { competencyId?: string }) =>
  change.kind === "rating" ? `r:${change.itemId}:${change.competencyId}` : `n:${change.itemId}`;

/**
 * Adds a change. A change to a cell that is already waiting (and not being sent) replaces the waiting
 * one, keeping its base version: only the latest value matters, and the server should still compare
 * against the version the panelist last saw.
 */
export function enqueue(queue: readonly QueuedChange[], change: QueuedChange, sendingKey: string | null): QueuedChange[] {
  const key = cellKey(change);
  const index = queue.findIndex((queued, i) => cellKey(queued) === key && !(i === 0 && sendingKey === key));
  if (index === -1) return [...queue, change];
  const next = [...queue];
  next[index] = { ...change, baseVersion: queue[index]!.baseVersion };
  return next;
}

/** After the head change was saved at `version`, later changes to the same cell build on that version. */
export function afterSaved(queue: readonly QueuedChange[], version: number): QueuedChange[] {
  const [head, ...rest] = queue;
  if (!head) return [];
  const key = cellKey(head);
  return rest.map((change) => (cellKey(change) === key ? { ...change, baseVersion: version } : change));
}

const STORAGE_PREFIX = "panelkit:scorecard-queue:";

export function loadQueue(storage: Pick<Storage, "getItem">, scorecardId: string): QueuedChange[] {
  try {
    const raw = storage.getItem(STORAGE_PREFIX + scorecardId);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isQueuedChange) : [];
  } catch {
    return [];
  }
}

export function storeQueue(storage: Pick<Storage, "setItem" | "removeItem">, scorecardId: string, queue: readonly QueuedChange[]) {
  if (queue.length === 0) storage.removeItem(STORAGE_PREFIX + scorecardId);
  else storage.setItem(STORAGE_PREFIX + scorecardId, JSON.stringify(queue));
}

function isQueuedChange(value: unknown): value is QueuedChange {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  if (typeof v.itemId !== "string" || typeof v.baseVersion !== "number") return false;
  if (v.kind === "note") return typeof v.body === "string";
  if (v.kind !== "rating" || typeof v.competencyId !== "string") return false;
  const rating = v.value as Record<string, unknown> | undefined;
  return Boolean(rating) && (rating!.score === null || typeof rating!.score === "number") && typeof rating!.notAssessed === "boolean";
}

/** What this browser last knew the server held, so an offline reload of an older page copy shows it. */
export type Snapshot = {
  cells: Record<string, { value: RatingValue; version: number }>;
  notes: Record<string, { body: string; version: number }>;
};

const SNAPSHOT_PREFIX = "panelkit:scorecard-snapshot:";

export function loadSnapshot(storage: Pick<Storage, "getItem">, scorecardId: string): Snapshot | null {
  try {
    const raw = storage.getItem(SNAPSHOT_PREFIX + scorecardId);
    const parsed = raw ? (JSON.parse(raw) as Snapshot) : null;
    return parsed && typeof parsed.cells === "object" && typeof parsed.notes === "object" ? parsed : null;
  } catch {
    return null;
  }
}

export function storeSnapshot(storage: Pick<Storage, "setItem">, scorecardId: string, snapshot: Snapshot) {
  try {
    storage.setItem(SNAPSHOT_PREFIX + scorecardId, JSON.stringify(snapshot));
  } catch {
    // Storage full or blocked: the server still has every saved rating.
  }
}

/**
 * Per cell, the entry with the higher version wins: the page's copy may be older than what was saved since.
 * When `other` has nothing newer, `base` itself comes back (not a copy), so the scoring screen can tell that
 * its copy is current and skip drawing itself again.
 */
export function newerOf<T extends { version: number }>(base: Record<string, T>, other: Record<string, T> | undefined): Record<string, T> {
  let merged: Record<string, T> | null = null;
  for (const [key, entry] of Object.entries(other ?? {})) {
    const known = (merged ?? base)[key];
    if (known && entry.version <= known.version) continue;
    merged ??= { ...base };
    merged[key] = entry;
  }
  return merged ?? base;
}
