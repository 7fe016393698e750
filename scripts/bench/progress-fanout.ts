// progress.fanout: thousands of open live-progress streams (scorecards.onProgress over server-sent events, as
// the scoring screen and the progress panel open them) on one app instance or split over several on one
// database; a panel change committed in the database, timed from its COMMIT to its arrival on every stream.
import { readFileSync } from "node:fs";
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PROGRESS_CHANNEL } from "../../src/server/realtime/progress-channel";
import type { LiveOrg } from "./seed";
import { percentile, round } from "./stats";

export type AppInstance = { baseUrl: string; pid: number | undefined };

export type FanoutFigures = {
  subscribers: number;
  instances: number;
  changes: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  /** Subscribers that missed a change (not received within the timeout) or ended in a wrong state. */
  lost: number;
  /** The app processes' resident memory grown while the streams opened, per stream. */
  bytes_per_stream: number;
  /** How long opening every stream and receiving its first state took. */
  open_s: number;
};

type Stream = { request: http.ClientRequest; buffer: string; state: string | null; opened: boolean; receivedAt: number; failed: boolean };

const CHANGE_TIMEOUT_MS = 60_000;
const OPEN_PARALLEL = 200;

function rssBytes(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The watched panelist's state in one SSE data block of the progress stream, or null when it isn't there. */
function stateIn(block: string, userId: string): string | null {
  const at = block.indexOf(`"userId":"${userId}"`);
  if (at < 0) return null;
  const start = block.indexOf('"state":"', at);
  if (start < 0) return null;
  return block.slice(start + 9, block.indexOf('"', start + 9));
}

/**
 * Opens `subscribers` progress streams of the first live interview, round-robin over `instances` and
 * `cookies`, makes `changes` panel changes (its first panelist starting and clearing their scorecard in
 * turn, committed by the bench with the NOTIFY the app's writes send) and times each stream's receipt.
 */
export async function benchProgressFanout(
  pool: pg.Pool,
  live: LiveOrg,
  instances: AppInstance[],
  cookies: string[],
  options: { subscribers: number; changes: number; log: (line: string) => void },
): Promise<FanoutFigures> {
  const watched = live.panelists[0]!;
  const interviewId = watched.interviewId;
  const cell = live.cells[0]!;
  await pool.query(`DELETE FROM "Rating" WHERE "scorecardId" = $1`, [watched.scorecardId]);
  await pool.query(`DELETE FROM "ScorecardNote" WHERE "scorecardId" = $1`, [watched.scorecardId]);
  let expected = "NOT_STARTED";

  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const input = encodeURIComponent(JSON.stringify({ json: { interviewId } }));
  const streams: Stream[] = [];
  let onArrival: ((stream: Stream) => void) | null = null;

  const open = (i: number) =>
    new Promise<void>((resolve) => {
      const instance = instances[i % instances.length]!;
      const stream: Stream = { request: null as unknown as http.ClientRequest, buffer: "", state: null, opened: false, receivedAt: 0, failed: false };
      streams.push(stream);
      const settle = (failed: boolean) => {
        if (stream.opened || stream.failed) return;
        if (failed) stream.failed = true;
        else stream.opened = true;
        resolve();
      };
      stream.request = http.get(
        `${instance.baseUrl}/api/trpc/scorecards.onProgress?input=${input}`,
        { agent, headers: { cookie: cookies[i % cookies.length]!, accept: "text/event-stream" } },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return settle(true);
          }
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            const now = performance.now();
            stream.buffer += chunk;
            let end: number;
            while ((end = stream.buffer.indexOf("\n\n")) >= 0) {
              const block = stream.buffer.slice(0, end);
              stream.buffer = stream.buffer.slice(end + 2);
              if (block.startsWith("event:") || !block.includes("data:")) continue; // connected, ping
              const state = stateIn(block, watched.userId);
              if (state === null) continue;
              stream.state = state;
              stream.receivedAt = now;
              settle(false);
              onArrival?.(stream);
            }
          });
          res.on("error", () => settle(true));
          res.on("close", () => settle(true));
        },
      );
      stream.request.on("error", () => settle(true));
    });

  const rssBefore = instances.reduce((sum, instance) => sum + rssBytes(instance.pid), 0);
  const openStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: OPEN_PARALLEL }, async () => {
      while (next < options.subscribers) await open(next++);
    }),
  );
  const openS = (performance.now() - openStarted) / 1000;
  // Let the server settle (buffers, lazily compiled code) before reading its memory.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssAfter = instances.reduce((sum, instance) => sum + rssBytes(instance.pid), 0);
  const failedToOpen = streams.filter((s) => s.failed).length;
  options.log(`  ${streams.length - failedToOpen} streams open in ${round(openS, 1)} s (${failedToOpen} refused or dropped)`);

  const latencies: number[] = [];
  const missed = new Set<Stream>();
  for (let change = 0; change < options.changes; change++) {
    expected = expected === "NOT_STARTED" ? "IN_PROGRESS" : "NOT_STARTED";
    let waiting = streams.filter((s) => !s.failed).length;
    const received = new Set<Stream>();
    let t0 = 0;
    const all = new Promise<void>((resolve) => {
      onArrival = (stream) => {
        if (stream.state !== expected || received.has(stream) || !t0) return;
        received.add(stream);
        latencies.push(stream.receivedAt - t0);
        if (--waiting === 0) resolve();
      };
      setTimeout(resolve, CHANGE_TIMEOUT_MS).unref();
    });
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      if (expected === "IN_PROGRESS") {
        await client.query(
          `INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, version, "updatedAt") VALUES ($1, $2, $3, $4, 3, 1, now())`,
          [randomUUID(), watched.scorecardId, cell.itemId, cell.competencyId],
        );
      } else {
        await client.query(`DELETE FROM "Rating" WHERE "scorecardId" = $1`, [watched.scorecardId]);
      }
      await client.query(`SELECT pg_notify($1, $2)`, [PROGRESS_CHANNEL, interviewId]);
      t0 = performance.now();
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    await all;
    onArrival = null;
    for (const stream of streams) if (!stream.failed && !received.has(stream)) missed.add(stream);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  for (const stream of streams) if (stream.failed || stream.state !== expected) missed.add(stream);
  for (const stream of streams) stream.request.destroy();
  agent.destroy();
  return {
    subscribers: options.subscribers,
    instances: instances.length,
    changes: options.changes,
    p50_ms: round(percentile(latencies, 50), 1),
    p95_ms: round(percentile(latencies, 95), 1),
    max_ms: round(latencies.reduce((max, ms) => Math.max(max, ms), 0), 1),
    lost: missed.size,
    bytes_per_stream: Math.round(Math.max(0, rssAfter - rssBefore) / options.subscribers),
    open_s: round(openS, 1),
  };
}
