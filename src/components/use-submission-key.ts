"use client";
// One idempotency key per form submission: the same key for every send of the same content (a double
// click, a retry), a new one once the person changes the form. The server makes one record per key.
import { useCallback, useRef } from "react";

/** A v4 UUID; crypto.randomUUID exists only on secure origins, and Panelkit may be served over plain http on a LAN. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function useSubmissionKey() {
  const key = useRef<string | null>(null);
  /** The key to send with this submission. */
  const current = useCallback(() => (key.current ??= newKey()), []);
  /** The form changed: the next send is a new submission. Put it on the form's onChange. */
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { current, renew };
}
