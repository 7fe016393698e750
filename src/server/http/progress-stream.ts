// Live progress streams (GET /api/trpc/scorecards.onProgress) written straight to the socket. tRPC's own SSE
// path puts every event of every stream through a ping wrapper, two async generators, a ReadableStream, two
// TransformStreams, a TextEncoderStream and a WritableStream: measured with 2,000 open streams, one event cost
// about 0.45 ms of CPU per stream there against 0.07 ms written directly, so a panel change seen by 5,000 open
// screens took seconds to reach them all. The procedure still runs through tRPC (createCaller: the same
// middlewares, access check, input parsing and error shapes); only the event framing is done here, in tRPC's
// SSE wire format (the "connected" event, data as the transformer's JSON, "ping" when idle, "serialized-error",
// "return"), which src/trpc/sse-subscription.ts and httpSubscriptionLink both read.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getErrorShape, getTRPCErrorFromUnknown, sseHeaders } from "@trpc/server/unstable-core-do-not-import";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";

export const PROGRESS_STREAM_PATH = "scorecards.onProgress";
/** As tRPC's sse.ping option in src/server/api/trpc.ts: a stream idle this long gets a ping so proxies keep it open. */
const PING_MS = 15_000;
const PING_CHECK_MS = 5_000;

const config = appRouter._def._config;
/** Every stream of an interview sends the same array after a change: its wire text is made once. */
const wireText = new WeakMap<object, string>();
const dataEvent = (value: unknown) => {
  const cached = typeof value === "object" && value !== null ? wireText.get(value) : undefined;
  if (cached) return cached;
  const text = `data: ${JSON.stringify(config.transformer.output.serialize(value))}\n\n`;
  if (typeof value === "object" && value !== null) wireText.set(value, text);
  return text;
};

/**
 * Writes one whole event and sends it now. Node's HTTP response corks the socket for each chunk of a chunked
 * answer and uncorks it on the next tick, so when a change reached 5,000 streams in one turn of the event
 * loop, no socket write began until all 5,000 events were made, and the readers waited for all of it (a CPU
 * profile of the bench's fan-out: about 60 ms making the events, then 90 ms of socket writes). Sent at once,
 * the readers start on the first streams while the others are still being written.
 */
function send(res: ServerResponse, text: string) {
  res.write(text);
  res.socket?.uncork();
}

/** Serves one progress stream with the request's context; resolves when it ends. */
export async function serveProgressStream(req: IncomingMessage, res: ServerResponse, url: URL, ctx: Context): Promise<void> {
  const abort = new AbortController();
  res.once("close", () => abort.abort());
  for (const [name, value] of Object.entries(sseHeaders)) res.setHeader(name, value);
  res.writeHead(200);
  res.write("event: connected\ndata: {}\n\n");
  let input: unknown;
  let lastWrite = Date.now();
  const ping = setInterval(() => {
    if (Date.now() - lastWrite >= PING_MS) {
      lastWrite = Date.now();
      res.write("event: ping\ndata: \n\n");
    }
  }, PING_CHECK_MS);
  try {
    const raw = url.searchParams.get("input");
    input = raw === null ? undefined : config.transformer.input.deserialize(JSON.parse(raw));
    const events = await appRouter.createCaller(ctx, { signal: abort.signal }).scorecards.onProgress(input as never);
    for await (const value of events) {
      if (abort.signal.aborted) break;
      lastWrite = Date.now();
      send(res, dataEvent(value));
    }
    if (!abort.signal.aborted) res.write("event: return\ndata: \n\n");
  } catch (cause) {
    if (!abort.signal.aborted) {
      const error = getTRPCErrorFromUnknown(cause);
      const shape = getErrorShape({ config, ctx, error, input, path: PROGRESS_STREAM_PATH, type: "subscription" });
      res.write(`event: serialized-error\ndata: ${JSON.stringify(config.transformer.output.serialize(shape))}\n\n`);
    }
  } finally {
    clearInterval(ping);
    res.end();
  }
}
