// progress.fanout: thousands of open live-progress streams (scorecards.onProgress over server-sent events, as
// the scoring screen and the progress panel open them) on one app instance or split over several on one
// database; a panel change committed in the database, timed from its COMMIT to its arrival on every stream.
// Its floor (progress.fanout.floor): the same reader and timing against fanout-floor-server.ts, a bare node:http
// server writing the app's own event to as many streams, the change timed from the request that tells it.
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PROGRESS_CHANNEL } from "../../src/server/realtime/progress-channel";
import { findFreePort } from "../lib/embedded-db";
import type { LiveOrg } from "./seed";
import { stateIn, takeBlocks, withState } from "./sse-blocks";
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

/** A fan-out to measure: where the streams are and how the bench makes a change, marking its moment. */
type FanoutSource = {
  instances: AppInstance[];
  path: string;
  headers: (i: number) => http.OutgoingHttpHeaders;
  /** The panelist whose state the change flips (IN_PROGRESS, NOT_STARTED in turn, starting NOT_STARTED). */
  userId: string;
  change: (state: string, markT0: () => void) => Promise<void>;
};

type Stream = { request: http.ClientRequest; buffer: string; state: string | null; opened: boolean; receivedAt: number; failed: boolean; event: string };

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

/**
 * Opens `subscribers` streams round-robin over the source's instances, makes `changes` changes and times each
 * stream's receipt of each from the change's mark. `lastEvent` is the last event block a stream got.
 */
async function measureFanout(
  source: FanoutSource,
  options: { subscribers: number; changes: number; log: (line: string) => void },
): Promise<{ figures: FanoutFigures; lastEvent: string }> {
  let expected = "NOT_STARTED";
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const streams: Stream[] = [];
  let onArrival: ((stream: Stream) => void) | null = null;

  const open = (i: number) =>
    new Promise<void>((resolve) => {
      const instance = source.instances[i % source.instances.length]!;
      const stream: Stream = { request: null as unknown as http.ClientRequest, buffer: "", state: null, opened: false, receivedAt: 0, failed: false, event: "" };
      streams.push(stream);
      const settle = (failed: boolean) => {
        if (stream.opened || stream.failed) return;
        if (failed) stream.failed = true;
        else stream.opened = true;
        resolve();
      };
      stream.request = http.get(`${instance.baseUrl}${source.path}`, { agent, headers: { ...source.headers(i), accept: "text/event-stream" } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return settle(true);
        }
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          const now = performance.now();
          const { blocks, rest } = takeBlocks(stream.buffer + chunk);
          stream.buffer = rest;
          for (const block of blocks) {
            const state = stateIn(block, source.userId);
            if (state === null) continue;
            stream.state = state;
            stream.event = block;
            stream.receivedAt = now;
            settle(false);
            onArrival?.(stream);
          }
        });
        res.on("error", () => settle(true));
        res.on("close", () => settle(true));
      });
      stream.request.on("error", () => settle(true));
    });

  const rssBefore = source.instances.reduce((sum, instance) => sum + rssBytes(instance.pid), 0);
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
  const rssAfter = source.instances.reduce((sum, instance) => sum + rssBytes(instance.pid), 0);
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
    await source.change(expected, () => (t0 = performance.now()));
    await all;
    onArrival = null;
    for (const stream of streams) if (!stream.failed && !received.has(stream)) missed.add(stream);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  for (const stream of streams) if (stream.failed || stream.state !== expected) missed.add(stream);
  for (const stream of streams) stream.request.destroy();
  agent.destroy();
  const figures = {
    subscribers: options.subscribers,
    instances: source.instances.length,
    changes: options.changes,
    p50_ms: round(percentile(latencies, 50), 1),
    p95_ms: round(percentile(latencies, 95), 1),
    max_ms: round(latencies.reduce((max, ms) => Math.max(max, ms), 0), 1),
    lost: missed.size,
    bytes_per_stream: Math.round(Math.max(0, rssAfter - rssBefore) / options.subscribers),
    open_s: round(openS, 1),
  };
  return { figures, lastEvent: streams.find((s) => s.event)?.event ?? "" };
}

/**
 * Opens `subscribers` progress streams of the first live interview, round-robin over `instances` and
 * `cookies`, makes `changes` panel changes (its first panelist starting and clearing their scorecard in
 * turn, committed by the bench with the NOTIFY the app's writes send) and times each stream's receipt.
 * `onEvent` gets the last progress event a stream received (the floor sends the same bytes).
 */
export async function benchProgressFanout(
  pool: pg.Pool,
  live: LiveOrg,
  instances: AppInstance[],
  cookies: string[],
  options: { subscribers: number; changes: number; log: (line: string) => void; onEvent?: (block: string) => void },
): Promise<FanoutFigures> {
  const watched = live.panelists[0]!;
  const interviewId = watched.interviewId;
  const cell = live.cells[0]!;
  await pool.query(`DELETE FROM "Rating" WHERE "scorecardId" = $1`, [watched.scorecardId]);
  await pool.query(`DELETE FROM "ScorecardNote" WHERE "scorecardId" = $1`, [watched.scorecardId]);
  const input = encodeURIComponent(JSON.stringify({ json: { interviewId } }));
  const { figures, lastEvent } = await measureFanout(
    {
      instances,
      path: `/api/trpc/scorecards.onProgress?input=${input}`,
      headers: (i) => ({ cookie: cookies[i % cookies.length]! }),
      userId: watched.userId,
      change: async (state, markT0) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          if (state === "IN_PROGRESS") {
            await client.query(
              `INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, version, "updatedAt") VALUES ($1, $2, $3, $4, 3, 1, now())`,
              [randomUUID(), watched.scorecardId, cell.itemId, cell.competencyId],
            );
          } else {
            await client.query(`DELETE FROM "Rating" WHERE "scorecardId" = $1`, [watched.scorecardId]);
          }
          await client.query(`SELECT pg_notify($1, $2)`, [PROGRESS_CHANNEL, interviewId]);
          markT0();
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      },
    },
    options,
  );
  if (lastEvent) options.onEvent?.(lastEvent);
  return figures;
}

function post(url: string, body: string, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { "content-type": "text/plain" } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 204 ? resolve() : reject(new Error(`The fan-out floor answered ${res.statusCode}`))));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * progress.fanout's floor: the same reader, subscribers and changes against fanout-floor-server.ts, which
 * writes `event` (an event block of the app's progress stream, with `userId`'s state flipped per change) to
 * every open stream when the bench posts it; each change timed from just before that request is sent.
 */
export async function benchProgressFanoutFloor(
  event: string,
  userId: string,
  options: { subscribers: number; changes: number; log: (line: string) => void },
): Promise<FanoutFigures> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = fork(path.join(import.meta.dirname, "fanout-floor-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`The fan-out floor server exited (${code}) before listening.`)));
    });
    // The state every stream opens with, as the app's first event gives it (and a warm request path).
    await post(`${baseUrl}/event`, withState(event, userId, "NOT_STARTED"), agent);
    const { figures } = await measureFanout(
      {
        instances: [{ baseUrl, pid: child.pid }],
        path: "/stream",
        headers: () => ({}),
        userId,
        change: async (state, markT0) => {
          const body = withState(event, userId, state);
          markT0();
          await post(`${baseUrl}/event`, body, agent);
        },
      },
      options,
    );
    return figures;
  } finally {
    agent.destroy();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
}
