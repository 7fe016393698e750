"use client";
// A part of a page in a chunk of its own: React.lazy inside its own Suspense boundary. Written here instead of
// using next/dynamic, whose loader (about 0.85 KB gzip) was on every page's first load only for this (the scoring
// page's budget is 150 KB), while React.lazy is part of React already. Rendered on the server as before; while the
// browser hydrates, a part whose chunk has not arrived keeps the server's HTML until it has. With `fallback`, a
// chunk that cannot be fetched (offline) shows that instead of failing the page.
import { lazy, Suspense, type ComponentType } from "react";

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, fallback?: ComponentType<P>): ComponentType<P> {
  const Lazy = lazy(() =>
    load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        if (!fallback) throw error;
        return { default: fallback };
      },
    ),
  );
  function LazyPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPart;
}
