"use client";
// Keeps a panelist's scorecard in step with the server while they rate: every change shows at once, is
// written to the browser's storage, and is sent in order; offline or when the server can't be reached,
// changes wait (and survive a reload) and go out when it comes back. Conflicts with another tab or device
// are never overwritten silently: they are returned with both values for the panelist to choose.
import { useCallback, useEffect, useRef, useState } from "react";
import {
  afterSaved,
  cellKey,
  enqueue,
  loadQueue,
  loadSnapshot,
  newerOf,
  storeQueue,
  storeSnapshot,
  type QueuedChange,
  type RatingValue,
  type Snapshot,
} from "@/lib/scoring/save-queue";
import { isTRPCClientError, loadTRPCClient } from "@/trpc/load-client";

export type Cell = { value: RatingValue; version: number };
export type NoteCell = { body: string; version: number };

export type Conflict =
  | { key: string; kind: "rating"; itemId: string; competencyId: string; mine: RatingValue; server: RatingValue; serverVersion: number }
  | { key: string; kind: "note"; itemId: string; mine: string; server: string; serverVersion: number };

export type SyncStatus = { online: boolean; pending: number; sending: boolean; error: string | null; lastSavedAt: Date | null };

const NOTE_QUIET_MS = 700;
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 10_000];
export const NOT_SAVED_RETRYING = "Not saved yet, retrying: the server can't be reached. Your changes are kept on this device.";

/** The pause before retry number `attempt` (0-based), spread ±20% so that a whole panel doesn't retry in step. */
function retryDelay(attempt: number): number {
  const base = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** No answer from the server at all (nor the client's code), or one that says it can't work right now: worth retrying. */
function isTransient(error: unknown): boolean {
  if (!isTRPCClientError(error)) return true;
  const code = (error.data as { code?: string } | undefined)?.code;
  return !code || code === "INTERNAL_SERVER_ERROR" || code === "TIMEOUT" || code === "TOO_MANY_REQUESTS";
}

export function useScorecardSync(input: {
  scorecardId: string;
  cells: Record<string, Cell>;
  notes: Record<string, NoteCell>;
  enabled: boolean;
}) {
  const { scorecardId, enabled } = input;
  const versions = useRef(new Map<string, number>());
  const [cells, setCells] = useState(input.cells);
  const [notes, setNotes] = useState(input.notes);
  const [queue, setQueue] = useState<QueuedChange[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [status, setStatus] = useState<Omit<SyncStatus, "pending">>({ online: true, sending: false, error: null, lastSavedAt: null });
  const sending = useRef<string | null>(null);
  const attempt = useRef(0);
  /** After a failed send, nothing goes out before this time (ms since epoch): the backoff. */
  const retryAt = useRef(0);
  const noteEditedAt = useRef(new Map<string, number>());
  const [wake, setWake] = useState(0);
  /** Values the server confirmed, with their versions: kept in storage for offline reloads. */
  const confirmed = useRef<Snapshot>({ cells: input.cells, notes: input.notes });

  // The page's copy, brought up to what this browser last saw saved (an offline reload serves an older
  // copy), then whatever it still had queued on top.
  useEffect(() => {
    const snapshot = loadSnapshot(window.localStorage, scorecardId);
    const knownCells = newerOf(input.cells, snapshot?.cells);
    const knownNotes = newerOf(input.notes, snapshot?.notes);
    for (const [key, cell] of Object.entries(knownCells)) versions.current.set(key, cell.version);
    for (const [itemId, note] of Object.entries(knownNotes)) versions.current.set(`n:${itemId}`, note.version);
    confirmed.current = { cells: knownCells, notes: knownNotes };
    // Browser storage can only be read after hydration, so this effect is where the page catches up with it.
    // Only when it has something newer: each state set here draws the whole screen again, one more long task
    // on a tablet before the panelist can rate (newerOf gives back the page's own copy when it is current).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (knownCells !== input.cells) setCells(knownCells);
    if (knownNotes !== input.notes) setNotes(knownNotes);
    const stored = loadQueue(window.localStorage, scorecardId);
    if (stored.length === 0) return;
    setQueue(stored);
    setCells((current) => {
      const next = { ...current };
      for (const change of stored) if (change.kind === "rating") next[cellKey(change)] = { value: change.value, version: next[cellKey(change)]?.version ?? 0 };
      return next;
    });
    setNotes((current) => {
      const next = { ...current };
      for (const change of stored) if (change.kind === "note") next[change.itemId] = { body: change.body, version: next[change.itemId]?.version ?? 0 };
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on first load of this scorecard
  }, [scorecardId]);

  useEffect(() => {
    storeQueue(window.localStorage, scorecardId, queue);
  }, [queue, scorecardId]);

  useEffect(() => {
    const update = () => {
      setStatus((s) => (s.online === navigator.onLine ? s : { ...s, online: navigator.onLine }));
      if (navigator.onLine) {
        attempt.current = 0;
        retryAt.current = 0;
        setWake((w) => w + 1);
      }
    };
    // The screen starts online with nothing to retry: at load only a browser already offline changes anything.
    if (!navigator.onLine) update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  // Send the oldest change, one at a time.
  useEffect(() => {
    const head = queue[0];
    if (!enabled || !head || sending.current || !status.online) return;
    const backoff = retryAt.current - Date.now();
    if (backoff > 0) {
      const timer = setTimeout(() => setWake((w) => w + 1), backoff);
      return () => clearTimeout(timer);
    }
    if (head.kind === "note") {
      const quietFor = Date.now() - (noteEditedAt.current.get(head.itemId) ?? 0);
      if (quietFor < NOTE_QUIET_MS) {
        const timer = setTimeout(() => setWake((w) => w + 1), NOTE_QUIET_MS - quietFor);
        return () => clearTimeout(timer);
      }
    }
    const key = cellKey(head);
    sending.current = key;
    setStatus((s) => ({ ...s, sending: true }));
    // The client's code comes with the first change to send, not with the page (see load-client.ts).
    const request = (async () => {
      const client = await loadTRPCClient();
      return head.kind === "rating"
        ? client.scorecards.saveRating.mutate({
            scorecardId,
            itemId: head.itemId,
            competencyId: head.competencyId,
            score: head.value.score,
            notAssessed: head.value.notAssessed,
            baseVersion: head.baseVersion,
          })
        : client.scorecards.saveNote.mutate({ scorecardId, itemId: head.itemId, body: head.body, baseVersion: head.baseVersion });
    })();

    request
      .then((result) => {
        attempt.current = 0;
        retryAt.current = 0;
        if (result.status === "saved") {
          versions.current.set(key, result.version);
          confirmed.current =
            head.kind === "rating"
              ? { ...confirmed.current, cells: { ...confirmed.current.cells, [key]: { value: head.value, version: result.version } } }
              : { ...confirmed.current, notes: { ...confirmed.current.notes, [head.itemId]: { body: head.body, version: result.version } } };
          storeSnapshot(window.localStorage, scorecardId, confirmed.current);
          if (head.kind === "rating") setCells((c) => ({ ...c, [key]: { value: c[key]?.value ?? head.value, version: result.version } }));
          setQueue((q) => afterSaved(q, result.version));
          setStatus((s) => ({ ...s, error: null, lastSavedAt: new Date() }));
        } else {
          versions.current.set(key, result.server.version);
          setConflicts((list) => [
            ...list.filter((c) => c.key !== key),
            head.kind === "rating"
              ? {
                  key,
                  kind: "rating",
                  itemId: head.itemId,
                  competencyId: head.competencyId,
                  mine: head.value,
                  server: { score: (result.server as RatingValue).score, notAssessed: (result.server as RatingValue).notAssessed },
                  serverVersion: result.server.version,
                }
              : { key, kind: "note", itemId: head.itemId, mine: head.body, server: (result.server as { body: string }).body, serverVersion: result.server.version },
          ]);
          setQueue((q) => q.slice(1));
        }
      })
      .catch((error: unknown) => {
        if (isTransient(error)) {
          // The change stays at the head of the queue; the send effect waits out the backoff before trying again.
          retryAt.current = Date.now() + retryDelay(attempt.current);
          attempt.current += 1;
          setStatus((s) => ({ ...s, error: NOT_SAVED_RETRYING }));
        } else {
          // The server refused this change for good (say, the scorecard was submitted elsewhere).
          setQueue((q) => q.slice(1));
          setStatus((s) => ({ ...s, error: (error as Error).message }));
        }
      })
      .finally(() => {
        sending.current = null;
        setStatus((s) => ({ ...s, sending: false }));
        setWake((w) => w + 1);
      });
  }, [queue, status.online, wake, enabled, scorecardId]);

  const setRating = useCallback((itemId: string, competencyId: string, value: RatingValue) => {
    const key = `r:${itemId}:${competencyId}`;
    setCells((c) => ({ ...c, [key]: { value, version: c[key]?.version ?? 0 } }));
    setConflicts((list) => list.filter((c) => c.key !== key));
    setQueue((q) => enqueue(q, { kind: "rating", itemId, competencyId, value, baseVersion: versions.current.get(key) ?? 0 }, sending.current));
  }, []);

  const setNote = useCallback((itemId: string, body: string) => {
    const key = `n:${itemId}`;
    noteEditedAt.current.set(itemId, Date.now());
    setNotes((n) => ({ ...n, [itemId]: { body, version: n[itemId]?.version ?? 0 } }));
    setConflicts((list) => list.filter((c) => c.key !== key));
    setQueue((q) => enqueue(q, { kind: "note", itemId, body, baseVersion: versions.current.get(key) ?? 0 }, sending.current));
  }, []);

  /** "mine" sends my value again on top of theirs; "theirs" takes the server's value. */
  const resolve = useCallback(
    (conflict: Conflict, choice: "mine" | "theirs") => {
      setConflicts((list) => list.filter((c) => c.key !== conflict.key));
      if (conflict.kind === "rating") {
        if (choice === "mine") setRating(conflict.itemId, conflict.competencyId, conflict.mine);
        else setCells((c) => ({ ...c, [conflict.key]: { value: conflict.server, version: conflict.serverVersion } }));
      } else if (choice === "mine") {
        setNote(conflict.itemId, conflict.mine);
      } else {
        setNotes((n) => ({ ...n, [conflict.itemId]: { body: conflict.server, version: conflict.serverVersion } }));
      }
    },
    [setRating, setNote],
  );

  const queueRef = useRef(queue);
  useEffect(() => {
    queueRef.current = queue;
  });
  /** Resolves true once every change is on the server (false after `timeoutMs`). */
  const flush = useCallback(async (timeoutMs = 15_000) => {
    noteEditedAt.current.clear();
    // The panelist is waiting on this (say, to submit): try now rather than at the end of the backoff.
    retryAt.current = 0;
    setWake((w) => w + 1);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (queueRef.current.length === 0 && !sending.current) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }, []);

  return { cells, notes, conflicts, status: { ...status, pending: queue.length } as SyncStatus, setRating, setNote, resolve, flush };
}
