"use client";
// Holds an in-app link click while a change is still on its way to the server, then follows the link once
// it is saved. The App Router has no "before leave" event, and its links navigate without unloading the
// page, so neither beforeunload nor a debounce timer protect a change made just before a menu click.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

type Options = {
  /** Whether a change is waiting to be saved right now. */
  pending: () => boolean;
  /** Saves it; true when it is on the server. */
  settle: () => Promise<boolean>;
  /** Asked when saving failed; the link is followed only if the person agrees. */
  leaveAnyway: string;
};

/** The same-origin link a plain left click would follow, or null for new tabs, downloads and other sites. */
export function inAppLink(event: MouseEvent): URL | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]");
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return null;
  if (anchor.target && anchor.target !== "_self") return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A link to a spot on this same page leaves nothing.
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return null;
  return url;
}

export function useHoldNavigation({ pending, settle, leaveAnyway }: Options) {
  const router = useRouter();
  const options = useRef({ pending, settle, leaveAnyway });
  useEffect(() => {
    options.current = { pending, settle, leaveAnyway };
  });

  useEffect(() => {
    let holding = false;
    async function settleThenGo(url: URL) {
      holding = true;
      try {
        const saved = await options.current.settle();
        if (saved || window.confirm(options.current.leaveAnyway)) router.push(`${url.pathname}${url.search}${url.hash}`);
      } finally {
        holding = false;
      }
    }
    function onClick(event: MouseEvent) {
      const url = inAppLink(event);
      if (!url || !options.current.pending()) return;
      // Capture phase on the document: the link's own handler (Next's router) never sees this click.
      event.preventDefault();
      event.stopImmediatePropagation();
      if (holding) return;
      // settle() reports a failed save as `false` rather than throwing; if it throws anyway, staying put is right.
      settleThenGo(url).catch(() => undefined);
    }
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [router]);
}
