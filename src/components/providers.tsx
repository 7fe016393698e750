"use client";
// Client-side providers for every page. TanStack Query and the tRPC React bindings (about 25 KB of
// compressed JavaScript) are loaded as their own chunk, and not at all on the scoring page, My interviews and
// sign-in, which a panelist opens cold (often on a tablet, sometimes on a poor connection) and which talk to
// the server through the plain tRPC client only. Once a page has needed the provider it stays, so moving between
// pages never unmounts the query cache.
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { lazyPart } from "./lazy-part";
import { isScoringPath } from "./page-kinds";

const TRPCReactProvider = lazyPart(() => import("@/trpc/react").then((m) => m.TRPCReactProvider), { boundary: false });

/** Pages whose client code uses no TanStack Query (keep in step with their imports): scoring, My interviews, sign-in. */
export function needsQueryProvider(pathname: string): boolean {
  return !(isScoringPath(pathname) || /^\/(my-interviews|signin)\/?$/.test(pathname));
}

export function Providers({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [withQuery, setWithQuery] = useState(() => needsQueryProvider(pathname));
  if (!withQuery && needsQueryProvider(pathname)) setWithQuery(true);
  return withQuery ? <TRPCReactProvider>{children}</TRPCReactProvider> : children;
}
