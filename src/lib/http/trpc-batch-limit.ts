// How many tRPC calls one batched request may carry. Each call runs its own queries, so an unbounded batch
// lets one request cost as much as thousands. No page of the app needs more than a handful at once; the
// browser's client splits larger batches itself (src/trpc/client.ts), and the server refuses them.
export const MAX_BATCH_CALLS = 20;

/** The number of calls a tRPC URL path carries ("a.b,c.d" is two), decoded as tRPC decodes it. */
export function countBatchCalls(procedurePath: string): number {
  let decoded = procedurePath;
  try {
    decoded = decodeURIComponent(procedurePath);
  } catch {
    // a broken escape: tRPC refuses the path itself
  }
  return decoded.split(",").length;
}
