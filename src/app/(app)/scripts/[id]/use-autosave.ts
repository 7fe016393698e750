"use client";
// Saves the script draft a moment after each change, one request at a time, always sending the latest
// content; the server's updatedAt comes back and guards the next save against overwriting another tab.
// A change still waiting when the person leaves is not dropped: in-app links wait for it to be saved, and
// leaving any other way inside the app (router.push, back, forward) sends it as the page goes.
import { useCallback, useEffect, useRef, useState } from "react";
import { useHoldNavigation } from "@/components/use-hold-navigation";

export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "blocked"; reasons: string[] }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string };

type Options<T> = {
  value: T;
  dirty: boolean;
  blockers: string[];
  delayMs?: number;
  save: (value: T) => Promise<void>;
  onSaved: () => void;
  isConflict: (error: unknown) => boolean;
  /** Asked before leaving when the last change could not be saved (in the reader's language). */
  leaveAnyway: string;
};

export function useAutosave<T>({ value, dirty, blockers, delayMs = 800, save, onSaved, isConflict, leaveAnyway }: Options<T>) {
  const [state, setStateRaw] = useState<SaveState>({ kind: "saved", at: null });
  // After a conflict nothing is saved until the user reloads: saving would overwrite the other change.
  const conflicted = useRef(false);
  const setState = useCallback((next: SaveState) => {
    if (conflicted.current) return;
    if (next.kind === "conflict") conflicted.current = true;
    setStateRaw(next);
  }, []);
  const inFlight = useRef<Promise<void> | null>(null);
  const latest = useRef(value);
  // The callbacks may be new on every render; the timer must not restart because of that.
  const callbacks = useRef({ save, onSaved, isConflict });
  useEffect(() => {
    latest.current = value;
    callbacks.current = { save, onSaved, isConflict };
  });
  const blockerKey = blockers.join("\n");
  const leaving = useRef({ dirty, blocked: blockerKey !== "" });
  useEffect(() => {
    leaving.current = { dirty, blocked: blockerKey !== "" };
  });

  const flush = useCallback(async (): Promise<boolean> => {
    if (conflicted.current) return false;
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    const snapshot = latest.current;
    setState({ kind: "saving" });
    const attempt = callbacks.current.save(snapshot);
    inFlight.current = attempt;
    try {
      await attempt;
      // Only clean if nothing changed while the request was out.
      if (latest.current === snapshot) {
        callbacks.current.onSaved();
        setState({ kind: "saved", at: new Date() });
      } else {
        setState({ kind: "unsaved" });
      }
      return true;
    } catch (error) {
      const message = (error as Error).message;
      setState(callbacks.current.isConflict(error) ? { kind: "conflict", message } : { kind: "failed", message });
      return false;
    } finally {
      inFlight.current = null;
    }
  }, [setState]);

  useEffect(() => {
    if (!dirty) return;
    if (blockerKey) {
      setState({ kind: "blocked", reasons: blockerKey.split("\n") });
      return;
    }
    setState({ kind: "unsaved" });
    const timer = setTimeout(() => void flush(), delayMs);
    return () => clearTimeout(timer);
  }, [value, dirty, blockerKey, delayMs, flush, setState]);

  useHoldNavigation({
    pending: () => leaving.current.dirty && !leaving.current.blocked && !conflicted.current,
    settle: flush,
    leaveAnyway,
  });

  // Unmounting with a change still waiting (navigation by code, back or forward): send it on the way out.
  useEffect(
    () => () => {
      if (!leaving.current.dirty || leaving.current.blocked || conflicted.current) return;
      callbacks.current.save(latest.current).catch(() => undefined);
    },
    [],
  );

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Between an edit and the effect that marks it, the last state may still be "saved": never say so then.
  const shown: SaveState = dirty && state.kind === "saved" ? { kind: "unsaved" } : state;
  return { state: shown, flush };
}
