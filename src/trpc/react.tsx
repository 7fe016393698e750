"use client";
// tRPC for client components, on TanStack Query. Subscriptions (live panel progress) use server-sent events.
// The root layout loads this provider through src/app/providers.tsx on every page but the scoring page,
// which uses the plain client (./client) and so loads no query cache.
import { MutationCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/api/root";
import { getTRPCClient } from "./client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(getTRPCClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * Cached answers stay fresh for 30 s, except after the user changes something: every successful mutation
 * marks the whole cache stale, so a list left before the change (the scripts list before "Create") is
 * fetched again when the user comes back to it. Queries on screen are not refetched here (refetchType
 * "none"): the component that ran the mutation decides what to refresh at once, and an autosave doesn't
 * set off a refetch of everything shown.
 */
function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    // A change sent while the browser is offline fails at once with the words for it (./unreachable.ts), the
    // form keeping what was typed, rather than waiting unseen behind a "Saving…" button until the connection is
    // back (TanStack Query's default for mutations).
    defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false }, mutations: { networkMode: "always" } },
    mutationCache: new MutationCache({
      onSuccess: () => queryClient.invalidateQueries({ refetchType: "none" }),
    }),
  });
  return queryClient;
}
