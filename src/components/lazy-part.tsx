"use client";
// A part of a page in a chunk of its own: React.lazy, by default inside its own Suspense boundary. Written here
// instead of using next/dynamic, whose loader (about 0.85 KB gzip) was on every page's first load only for this
// (the scoring page's budget is 150 KB), while React.lazy is part of React already. Rendered on the server as
// before; while the browser hydrates, a part whose chunk has not arrived keeps the server's HTML until it has.
// With `fallback`, a chunk that cannot be fetched (offline) shows that instead of failing the page.
//
// `boundary: false` for a part that wraps the page itself (the query provider): a boundary there would let the
// server send the page's shell, and its 200 status, before the page inside it had run, so a page's notFound()
// would arrive as a 404 page with status 200. Without one the shell waits for the part, as next/dynamic's did.
import { lazy, Suspense, type ComponentType } from "react";

type Options<P> = { fallback?: ComponentType<P>; boundary?: boolean };

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, options: Options<P> = {}): ComponentType<P> {
  const { fallback, boundary = true } = options;
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
    const part = <Lazy {...props} />;
    return boundary ? <Suspense fallback={null}>{part}</Suspense> : part;
  }
  return LazyPart;
}
