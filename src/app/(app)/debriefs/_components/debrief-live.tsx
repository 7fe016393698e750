"use client";
// Follows the debrief live: the server sends its version whenever anything changes (an entry, a comment, the
// decision, a correction, a late submission), and the page fetches itself again. Same access rule as the page.
// A form that refresh would take away while its author has unsent text in it stays, under a notice saying why
// (keep-unsent.tsx, which says why the refresh is not held instead).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { subscribeOverSSE } from "@/trpc/sse-subscription";
import type { DebriefWatchEvent } from "@/lib/schemas/debriefs";

type State = "connecting" | "live" | "offline";

export function DebriefLive({ debriefId, version }: { debriefId: string; version: number }) {
  const router = useRouter();
  const t = useTranslations("debriefs.live");
  const [state, setState] = useState<State>("connecting");
  // What the page on screen shows; the first event after it differs (or any later event) means refetch.
  const shown = useRef<{ version: number; stamp: string | null }>({ version, stamp: null });

  useEffect(() => {
    shown.current.version = version;
  }, [version]);

  useEffect(
    () =>
      subscribeOverSSE<DebriefWatchEvent>(
        "debriefs.watch",
        { id: debriefId },
        {
          onStarted: () => setState("live"),
          onData: (event) => {
            setState("live");
            const before = shown.current;
            const changed = event.version !== before.version || (before.stamp !== null && event.stamp !== before.stamp);
            shown.current = { version: event.version, stamp: event.stamp };
            if (changed) router.refresh();
          },
          onConnecting: () => setState("connecting"),
          onError: () => setState("offline"),
        },
      ),
    [debriefId, router],
  );

  const text = t(state);
  return (
    <p role="status" className="mt-2 text-sm text-slate-700" data-testid="debrief-live" data-state={state}>
      {text}
    </p>
  );
}
