// The progress streams' server-sent events as the fan-out bench reads them (progress-fanout.ts): pure text
// handling shared by the app's streams and the bare node:http floor's, so both are read the same way.

/** The complete event blocks at the head of `buffer` (each ended by a blank line) and what is left after them. */
export function takeBlocks(buffer: string): { blocks: string[]; rest: string } {
  const blocks: string[] = [];
  let rest = buffer;
  let end: number;
  while ((end = rest.indexOf("\n\n")) >= 0) {
    blocks.push(rest.slice(0, end));
    rest = rest.slice(end + 2);
  }
  return { blocks, rest };
}

/** The watched panelist's state in one SSE data block of the progress stream, or null when it isn't there. */
export function stateIn(block: string, userId: string): string | null {
  if (block.startsWith("event:") || !block.includes("data:")) return null; // tRPC's connected event, pings
  const at = block.indexOf(`"userId":"${userId}"`);
  if (at < 0) return null;
  const start = block.indexOf('"state":"', at);
  if (start < 0) return null;
  return block.slice(start + 9, block.indexOf('"', start + 9));
}

/** `block` with the watched panelist's state set to `state` (the floor sends the app's own event, changed so). */
export function withState(block: string, userId: string, state: string): string {
  const at = block.indexOf(`"userId":"${userId}"`);
  const start = at < 0 ? -1 : block.indexOf('"state":"', at);
  if (start < 0) throw new Error(`No state of ${userId} in the progress event`);
  const end = block.indexOf('"', start + 9);
  return block.slice(0, start + 9) + state + block.slice(end);
}
