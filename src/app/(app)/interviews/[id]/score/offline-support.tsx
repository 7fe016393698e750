"use client";
// Registers the service worker that lets the scoring screen reload without a connection.
import { useEffect } from "react";

export function OfflineSupport() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register("/scoring-sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const files = performance
          .getEntriesByType("resource")
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.startsWith("/_next/static/"));
        registration.active?.postMessage({ type: "keep-for-offline", urls: [window.location.pathname, ...new Set(files)] });
      })
      .catch(() => {
        // Without it the screen still keeps unsent ratings; only an offline reload is lost.
      });
  }, []);
  return null;
}
