// The plain tRPC client for the browser, without TanStack Query. One client per tab, shared with the React
// provider. The scoring page loads it only when it first saves (./load-client.ts), and follows live panel
// progress without it (./sse-subscription.ts).
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "@/lib/http/trpc-batch-limit";
import type { AppRouter } from "@/server/api/root";

export { TRPCClientError } from "@trpc/client";
/** For ./wire.ts, which decodes what it can without it: one copy of superjson, in this module's chunk. */
export { superjson };

export type AppTRPCClient = TRPCClient<AppRouter>;

export function makeTRPCClient(): AppTRPCClient {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
        false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_CALLS }),
      }),
    ],
  });
}

let browserClient: AppTRPCClient | undefined;

/** The tab's client (created on first use). On the server each call gets a fresh one: no sharing between requests. */
export function getTRPCClient(): AppTRPCClient {
  if (typeof window === "undefined") return makeTRPCClient();
  browserClient ??= makeTRPCClient();
  return browserClient;
}
