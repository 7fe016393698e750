// The plain tRPC client for the browser, without TanStack Query. One client per tab, shared with the React
// provider. The scoring page loads it only when it first saves (./load-client.ts), and follows live panel
// progress without it (./sse-subscription.ts).
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError, type TRPCClient, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import { MAX_BATCH_CALLS } from "@/lib/http/trpc-batch-limit";
import type { AppRouter } from "@/server/api/root";
import { unreachableMessage } from "./unreachable";

export { TRPCClientError } from "@trpc/client";
/** For ./wire.ts, which decodes what it can without it: one copy of superjson, in this module's chunk. */
export { superjson };

export type AppTRPCClient = TRPCClient<AppRouter>;

/**
 * Whether a failed call got no answer from the API at all: the fetch itself failed (TypeError: offline, the
 * server down, the connection cut) or what came back was not the API's JSON (SyntaxError: a proxy's error page,
 * a captive portal). An answer from the API carries its error's shape; an aborted call is a DOMException.
 */
export function isUnreachable(error: unknown): boolean {
  return error instanceof TRPCClientError && error.shape === undefined && (error.cause instanceof TypeError || error.cause instanceof SyntaxError);
}

/** Gives a call that got no answer the reader's words for it (./unreachable.ts) instead of the browser's. */
const unreachableLink: TRPCLink<AppRouter> = () => ({ op, next }) =>
  observable((observer) =>
    next(op).subscribe({
      next: (value) => observer.next(value),
      error: (error) => observer.error(isUnreachable(error) ? new TRPCClientError(unreachableMessage(error.message), { cause: error }) : error),
      complete: () => observer.complete(),
    }),
  );

export function makeTRPCClient(): AppTRPCClient {
  return createTRPCClient<AppRouter>({
    links: [
      unreachableLink,
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
