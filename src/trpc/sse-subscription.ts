// A tRPC subscription over server-sent events with the browser's own EventSource, for pages that must not
// load the tRPC client on their first load (the scoring page: see ./load-client.ts). It speaks what
// @trpc/client's httpSubscriptionLink speaks to our server (same URL, same events, same reconnect rules):
//   GET /api/trpc/<path>?input=<superjson of the input>, then events
//   "connected" (started), unnamed messages (superjson data), "ping", "serialized-error" (an error shape;
//   the retryable codes keep the connection, EventSource reconnects), "return" (the stream ended).
// sse-subscription.test.ts checks it against httpSubscriptionLink, so a tRPC upgrade that changes the
// protocol fails a test rather than the page.
import { decodeFromWire, encodeForWire } from "./wire";

/**
 * The JSON-RPC code after which httpSubscriptionLink keeps the connection (tRPC's retryableRpcCodes:
 * INTERNAL_SERVER_ERROR, BAD_GATEWAY, SERVICE_UNAVAILABLE and GATEWAY_TIMEOUT all carry -32603).
 */
const RETRYABLE_RPC_CODE = -32603;

export type SubscriptionError = { message: string; code: string | null };

export type SubscriptionHandlers<T> = {
  /** The server accepted the subscription (again, after a reconnect). */
  onStarted?: () => void;
  onData: (data: T) => void;
  /** Connection lost or refused for now: EventSource is trying again. */
  onConnecting?: (error: SubscriptionError | null) => void;
  /** For good (refused, or a server error that is not worth retrying): nothing more arrives. */
  onError?: (error: SubscriptionError) => void;
};

/** What is used of EventSource (tests pass a stand-in). */
export type MinimalEventSource = {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
};

export type EventSourceFactory = (url: string) => MinimalEventSource;

const CLOSED = 2;
/** How long to wait before opening a new connection after one we had to drop (EventSource itself waits ~3 s). */
const RECONNECT_MS = 3_000;

export async function subscriptionUrl(base: string, path: string, input: unknown): Promise<string> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(await encodeForWire(input)))}`;
  return `${base.replace(/\/$/, "")}/${path}${query}`;
}

/** Subscribes; returns the function that ends the subscription. */
export function subscribeOverSSE<T>(
  path: string,
  input: unknown,
  handlers: SubscriptionHandlers<T>,
  options: { base?: string; eventSource?: EventSourceFactory } = {},
): () => void {
  const open = options.eventSource ?? ((url: string) => new EventSource(url));
  let source: MinimalEventSource | null = null;
  let ended = false;
  // Messages are decoded in arrival order even when one of them has to wait for superjson.
  let queue: Promise<void> = Promise.resolve();
  const end = () => {
    ended = true;
    source?.close();
  };
  const fail = (error: SubscriptionError) => {
    if (ended) return;
    end();
    handlers.onError?.(error);
  };

  const connect = () =>
    subscriptionUrl(options.base ?? "/api/trpc", path, input).then((url) => {
      if (ended) return;
      const es = (source = open(url));
      // A message that can't be decoded now (superjson's code didn't download): start over in a while. The
      // server sends the current state first on every connection, so nothing is missed.
      const reconnect = () => {
        if (ended || source !== es) return;
        es.close();
        handlers.onConnecting?.(null);
        setTimeout(() => !ended && source === es && void connect(), RECONNECT_MS);
      };
      es.addEventListener("connected", () => !ended && handlers.onStarted?.());
      es.addEventListener("message", (event) => {
        queue = queue
          .then(() => decodeFromWire<T>(JSON.parse(event.data)))
          .then((data) => {
            if (!ended && source === es) handlers.onData(data);
          }, reconnect);
      });
      es.addEventListener("serialized-error", (event) => {
        queue = queue
          .then(() => decodeFromWire<{ message?: string; code?: number; data?: { code?: string } }>(JSON.parse(event.data)))
          .then((shape) => {
            const error = { message: shape?.message ?? "The live update failed.", code: shape?.data?.code ?? null };
            if (shape?.code === RETRYABLE_RPC_CODE) {
              if (!ended) handlers.onConnecting?.(error);
            } else fail(error);
          }, reconnect);
      });
      es.addEventListener("return", end);
      es.addEventListener("error", () => {
        if (ended || source !== es) return;
        // CLOSED: the server answered with an error status; EventSource does not retry that, nor does tRPC.
        if (es.readyState === CLOSED) fail({ message: "Live updates are not available.", code: null });
        else handlers.onConnecting?.(null);
      });
    }, () => fail({ message: "Live updates are not available.", code: null }));

  void connect();
  return end;
}
