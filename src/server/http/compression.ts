// How API answers are compressed: gzip at level 1 for answers of 1 KiB or more, when the client accepts
// gzip. Used by the tRPC endpoint (trpc-handler.ts) and by the benchmark's bare-HTTP floor, which must send
// the same bytes the app does.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);
/** Answers smaller than this go uncompressed (as Next.js's own compression does). */
const COMPRESS_MIN_BYTES = 1024;
/**
 * The fastest level (nginx's default for the same reason): JSON compresses well even so, and the time goes
 * into every large answer. A 2,000-candidate comparison (about 490 kB) takes 2-3 ms at level 1 in zlib's
 * thread pool; the 757 kB answer it used to be took 15-20 ms at level 6, for a somewhat smaller download.
 */
const GZIP_LEVEL = 1;

const worthCompressing = (byteLength: number, acceptEncoding: string | string[] | undefined) =>
  byteLength >= COMPRESS_MIN_BYTES && /\bgzip\b/.test(String(acceptEncoding ?? ""));

/** The answer as sent to a client whose Accept-Encoding header is `acceptEncoding`, and its Content-Encoding. */
export async function compressForClient(
  body: Buffer,
  acceptEncoding: string | string[] | undefined,
): Promise<{ body: Buffer; encoding: "gzip" | null }> {
  if (!worthCompressing(body.byteLength, acceptEncoding)) return { body, encoding: null };
  return { body: await gzip(body, { level: GZIP_LEVEL }), encoding: "gzip" };
}

type WriteArgs = [chunk: unknown, ...rest: unknown[]];
const toBuffer = (chunk: unknown, encoding: unknown): Buffer | null => {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk); // a copy: the writer may reuse its chunk
  return null;
};

/**
 * An event stream's writes in one turn of the event loop go out as one socket write: tRPC writes each event
 * in pieces ("data: …", then the blank line), which cost a system call each, times every open stream when a
 * change fans out to thousands of them.
 */
function writeCorked(res: ServerResponse) {
  const write = res.write;
  const uncork = () => res.uncork();
  res.write = ((...args: Parameters<ServerResponse["write"]>) => {
    if (!res.writableCorked) {
      res.cork();
      process.nextTick(uncork);
    }
    return Reflect.apply(write, res, args) as boolean;
  }) as ServerResponse["write"];
}

/**
 * A step before a handler that writes its answer as it goes (tRPC's Node adapter): what it writes to `res` is
 * held and sent when it ends, with a Content-Length, gzip-compressed as compressForClient decides and with
 * `Vary: Accept-Encoding`. An event stream (live progress) is not held: from its first write it goes out as
 * written, and `onEventStream` runs once. The handler's write and end callbacks, which tRPC does not pass,
 * are called once the answer is sent.
 */
export function compressWhenComplete(req: IncomingMessage, res: ServerResponse, onEventStream?: () => void): void {
  const write = res.write;
  const end = res.end;
  const chunks: Buffer[] = [];
  const callbacks: Array<() => void> = [];
  const restore = () => {
    res.write = write;
    res.end = end;
  };
  const callbackIn = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");

  res.write = ((...args: WriteArgs) => {
    if (String(res.getHeader("content-type") ?? "").startsWith("text/event-stream")) {
      restore();
      onEventStream?.();
      writeCorked(res);
      return res.write(...(args as Parameters<ServerResponse["write"]>));
    }
    const buffer = toBuffer(args[0], args[1]);
    if (buffer) chunks.push(buffer);
    const callback = callbackIn(args);
    if (callback) callbacks.push(callback);
    return true;
  }) as ServerResponse["write"];

  res.end = ((...args: unknown[]) => {
    restore();
    const buffer = toBuffer(args[0], args[1]);
    if (buffer) chunks.push(buffer);
    const callback = callbackIn(args);
    if (callback) callbacks.push(callback);
    const done = () => callbacks.forEach((call) => call());
    const endWith = (...endArgs: unknown[]) => Reflect.apply(end, res, endArgs) as ServerResponse;
    if (!chunks.length) return endWith(done);
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const vary = res.getHeader("vary");
    res.setHeader("vary", vary ? `${String(vary)}, Accept-Encoding` : "Accept-Encoding");
    const send = (sent: Buffer) => {
      res.setHeader("content-length", sent.byteLength);
      endWith(sent, done);
    };
    // Small answers (a rating save) are sent at once, without a turn of the event loop.
    if (!worthCompressing(body.byteLength, req.headers["accept-encoding"])) send(body);
    else
      gzip(body, { level: GZIP_LEVEL }).then(
        (zipped) => {
          res.setHeader("content-encoding", "gzip");
          send(zipped);
        },
        (error: unknown) => res.destroy(error as Error),
      );
    return res;
  }) as ServerResponse["end"];
}
