// The scoring screen's autosave (scorecards.saveRating and saveNote, sent by httpBatchLink as a POST batch)
// answered without tRPC's fetch adapter. The adapter turns every request into a fetch Request with an
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

/** The procedures answered here: the writes a panelist makes while the candidate talks. */
const DIRECT_PROCEDURES = {
  "scorecards.saveRating": (caller: Caller, input: unknown) => caller.scorecards.saveRating(input as never),
  "scorecards.saveNote": (caller: Caller, input: unknown) => caller.scorecards.saveNote(input as never),
} as const;

type Caller = ReturnType<typeof appRouter.createCaller>;
type DirectPath = keyof typeof DIRECT_PROCEDURES;
const config = appRouter._def._config;

const isDirectPath = (path: string): path is DirectPath => Object.hasOwn(DIRECT_PROCEDURES, path);

/** As tRPC's JSON handler matches a request: the media type alone, case-insensitive. */
const isJson = (contentType: string | undefined) => contentType?.toLowerCase().split(";", 1)[0]?.trim() === "application/json";

/**
 * The batch's calls and their inputs (deserialized as tRPC would) when this module answers it: a POST batch
 * of JSON whose every procedure is a direct one, with one input per call (keys "0".."n-1", as httpBatchLink
 * sends). Null: leave it to tRPC's adapter, which also words the refusal of anything malformed.
 */
export function directBatch(method: string | undefined, headers: IncomingHttpHeaders, query: URLSearchParams, path: string, body: string): DirectBatch | null {
  if (method !== "POST" || query.get("batch") !== "1" || !isJson(headers["content-type"])) return null;
  const paths = path.split(",");
  if (!paths.every(isDirectPath)) return null;
  try {
    const sent: unknown = JSON.parse(body);
    if (!sent || typeof sent !== "object" || Array.isArray(sent)) return null;
    const keys = Object.keys(sent);
    if (keys.length !== paths.length || keys.some((key, index) => key !== String(index))) return null;
    const values = sent as Record<string, unknown>;
    const inputs = paths.map((_, index) => {
      const value = values[String(index)];
      return value === undefined ? undefined : config.transformer.input.deserialize(value);
    });
    return { paths, inputs };
  } catch {
    return null;
  }
}

type DirectBatch = { paths: DirectPath[]; inputs: unknown[] };

/** Runs the batch's calls at once, as tRPC does, and answers them in tRPC's wire format. */
export async function serveDirectBatch(res: ServerResponse, ctx: Context, batch: DirectBatch): Promise<void> {
  const caller = appRouter.createCaller(ctx);
  const results = await Promise.all(
    batch.paths.map(async (path, index) => {
      const input = batch.inputs[index];
      try {
        return { result: { data: await DIRECT_PROCEDURES[path](caller, input) } };
      } catch (cause) {
        const error = getTRPCErrorFromUnknown(cause);
        return { error: getErrorShape({ config, ctx, error, input, path, type: "mutation" }) };
      }
    }),
  );
  res.statusCode = getHTTPStatusCode(results);
  res.setHeader("vary", "trpc-accept, accept");
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(transformTRPCResponse(config, results)));
}
