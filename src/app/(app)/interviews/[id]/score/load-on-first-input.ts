// Parts of the scoring screen in their own chunks (easy-read controls, symbols, conflicts) are not fetched
// with the page. So that a panelist who later goes offline still has them (the service worker keeps every
// build file the page fetches), they are fetched on the first pointer or key press, while a connection is
// most likely there; a first load that nobody touches fetches none of them.
import { useEffect } from "react";

export function useLoadOnFirstInput(loads: ReadonlyArray<() => Promise<unknown>>) {
  useEffect(() => {
    const events = ["pointerdown", "keydown"] as const;
    const load = () => {
      for (const event of events) window.removeEventListener(event, load, true);
      for (const part of loads) part().catch(() => undefined); // offline now: tried again when the part is shown
    };
    for (const event of events) window.addEventListener(event, load, { capture: true, passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, load, true);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per screen
  }, []);
}
