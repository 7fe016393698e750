// The scoring screen's autosave (scorecards.saveRating and saveNote, sent by httpBatchLink as a POST batch)
// and the insight pages' reads (GET batches) answered without tRPC's fetch adapter. The adapter turns every request into a fetch Request with an
// AbortSignal, reads it through web streams and writes a fetch Response back: on the save benchmark that was
// about a fifth of the app's CPU per save (undici's Request and body parsing, AbortController, web streams and
// the garbage they leave), for a request whose body is a few hundred bytes. The procedures still run through
// tRPC (createCaller: the same middlewares, access checks, input and output parsing, error formatter); only
// the batch's JSON is read and written here, in tRPC's wire format for a non-streaming batch (the body an
// array of `{ result: { data } }` or `{ error }` in call order, the status tRPC's own for those results, and
// its `vary` and `content-type` headers), which httpBatchLink reads. progress-stream.ts does the same for
// live progress. Anything else, or a batch this does not recognise, goes to tRPC's adapter unchanged.
import "server-only";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { getErrorShape, getHTTPStatusCode, getTRPCErrorFromUnknown, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";

/**
 * The procedures answered here, by the method tRPC takes them with: the writes a panelist makes while the
 * candidate talks (POST), and the insight pages' reads, whose answers run to hundreds of kilobytes at a
 * million ratings (GET): through the adapter, such an answer was copied into a fetch Response and read back
 * out of its web stream, about 3 ms of the comparison's 40 at that size.
 */
const DIRECT_PROCEDURES = {
  POST: {
    "scorecards.saveRating": (caller: Caller, input: unknown) => caller.scorecards.saveRating(input as never),
    "scorecards.saveNote": (caller: Caller, input: unknown) => caller.scorecards.saveNote(input as never),
  },
  GET: {
    "insights.compare": (caller: Caller, input: unknown) => caller.insights.compare(input as never),
    "insights.comparePage": (caller: Caller, input: unknown) => caller.insights.comparePage(input as never),
    "insights.candidateSummary": (caller: Caller, input: unknown) => caller.insights.candidateSummary(input as never),
    "insights.calibration": (caller: Caller, input: unknown) => caller.insights.calibration(input as never),
  },
} as const;

type Caller = ReturnType<typeof appRouter.createCaller>;
type DirectMethod = keyof typeof DIRECT_PROCEDURES;
type DirectCall = (caller: Caller, input: unknown) => Promise<unknown>;
const config = appRouter._def._config;

const isDirectMethod = (method: string | undefined): method is DirectMethod => method === "POST" || method === "GET";

/** A client asking for tRPC's streamed (JSON lines) answer, as tRPC's adapter tells it: left to the adapter. */
const wantsStream = (headers: IncomingHttpHeaders) =>
  headers["trpc-accept"] !== undefined || (headers.accept ?? "").split(",").some((type) => type.trim() === "application/jsonl");

/** As tRPC's JSON handler matches a request: the media type alone, case-insensitive. */
const isJson = (contentType: string | undefined) => contentType?.toLowerCase().split(";", 1)[0]?.trim() === "application/json";

/**
 * The batch's calls and their inputs (deserialized as tRPC would) when this module answers it: a batch whose
 * every procedure is a direct one of the request's method, with one input per call (keys "0".."n-1", as
 * httpBatchLink sends them): in a POST's JSON body, or a GET's `input` parameter. Null: leave it to tRPC's
 * adapter, which also words the refusal of anything malformed.
 */
export function directBatch(method: string | undefined, headers: IncomingHttpHeaders, query: URLSearchParams, path: string, body: string | undefined): DirectBatch | null {
  if (!isDirectMethod(method) || query.get("batch") !== "1" || wantsStream(headers)) return null;
  if (method === "POST" ? body === undefined || !isJson(headers["content-type"]) : body !== undefined) return null;
  const procedures: Record<string, DirectCall> = DIRECT_PROCEDURES[method];
  const paths = path.split(",");
  if (!paths.every((p) => Object.hasOwn(procedures, p))) return null;
  try {
    const text = method === "POST" ? body : query.get("input");
    // A GET batch without `input` calls every procedure without one, as tRPC does.
    const sent: unknown = text ? JSON.parse(text) : {};
    if (!sent || typeof sent !== "object" || Array.isArray(sent)) return null;
    const keys = Object.keys(sent);
    if (method === "POST" ? keys.length !== paths.length : keys.length > paths.length) return null;
    if (keys.some((key) => !/^(0|[1-9]\d*)$/.test(key) || Number(key) >= paths.length)) return null;
    const values = sent as Record<string, unknown>;
    const inputs = paths.map((_, index) => {
      const value = values[String(index)];
      return value === undefined ? undefined : config.transformer.input.deserialize(value);
    });
    return { method, paths, inputs };
  } catch {
    return null;
  }
}

type DirectBatch = { method: DirectMethod; paths: string[]; inputs: unknown[] };

/** Runs the batch's calls at once, as tRPC does, and answers them in tRPC's wire format. */
export async function serveDirectBatch(res: ServerResponse, ctx: Context, batch: DirectBatch): Promise<void> {
  const caller = appRouter.createCaller(ctx);
  const procedures: Record<string, DirectCall> = DIRECT_PROCEDURES[batch.method];
  const type = batch.method === "POST" ? "mutation" : "query";
  const results = await Promise.all(
    batch.paths.map(async (path, index) => {
      const input = batch.inputs[index];
      try {
        return { result: { data: await procedures[path]!(caller, input) } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        return { error: getErrorShape({ config, ctx, error, input, path, type }) };
      }
    }),
  );
  res.statusCode = getHTTPStatusCode(results);
  res.setHeader("vary", "trpc-accept, accept");
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(transformTRPCResponse(config, results)));
}
