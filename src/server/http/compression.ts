// How API answers are compressed: gzip at level 1 for answers of 1 KiB or more, when the client accepts
// gzip. Used by the API server (app-server.ts) and by the benchmark's bare-HTTP floor, which must send the
// same bytes the app does.
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

/** The answer as sent to a client whose Accept-Encoding header is `acceptEncoding`, and its Content-Encoding. */
export async function compressForClient(
  body: Buffer,
  acceptEncoding: string | string[] | undefined,
): Promise<{ body: Buffer; encoding: "gzip" | null }> {
  if (body.byteLength < COMPRESS_MIN_BYTES || !/\bgzip\b/.test(String(acceptEncoding ?? ""))) return { body, encoding: null };
  return { body: await gzip(body, { level: GZIP_LEVEL }), encoding: "gzip" };
}
