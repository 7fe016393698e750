// save_rating: simulated panelists saving ratings through the scoring screen's endpoint, open loop
// (autocannon's overallRate) and closed loop, next to two floors measured in the same run: the same SQL
// straight through `pg`, and a bare node:http handler (a child process) running that SQL.
import { fork, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { rolesWith } from "../../src/server/auth/permissions";
import type { MemberRef } from "../../src/server/services/actor";
import { batchMutationBody } from "./http";
import type { CellRef, LiveOrg } from "./seed";
import { saveRatingStatement } from "./save-rating-sql";
import { percentile, round } from "./stats";

export type LoadFigures = {
  requests: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  /** Everything that did not save: conflicts, HTTP errors, timeouts, connection errors. */
  errors: number;
  conflicts: number;
  /** HTTP status (or "timeout" / "connection") → count, for the errors that were not conflicts. */
  failures?: Record<string, number>;
  /** CPU milliseconds per request: the server under test (none for the SQL floor), PostgreSQL, the load generator. */
  cpu_ms_per_save?: { server: number | null; postgres: number | null; client: number | null };
};

type PanelistState = { member: MemberRef; cookie: string; scorecardId: string; next: number; versions: Map<string, number> };

const key = (c: CellRef) => `${c.itemId}|${c.competencyId}`;

export class SaveRatingBench {
  private readonly states: PanelistState[];
  constructor(
    private readonly pool: pg.Pool,
    private readonly org: LiveOrg,
    cookies: string[],
  ) {
    this.states = org.panelists.map((p, i) => ({
      // What the app's saveRating procedure hands its statement for this panelist (orgStatementProcedure).
      member: { userId: p.userId, preferredOrgId: null, roles: rolesWith("org:read") },
      cookie: cookies[i]!,
      scorecardId: p.scorecardId,
      next: i, // panelists start on different cells
      versions: new Map(),
    }));
  }

  /**
   * Re-reads every cell's version, so each run starts from what the database holds, once saves still queued
   * in a server from the previous run have landed (the versions stop changing for a second).
   */
  async syncVersions() {
    let last = "";
    for (let i = 0; i < 60; i++) {
      const { rows } = await this.pool.query<{ total: string }>(
        `SELECT coalesce(sum(version), 0)::text AS total FROM "Scorecard" WHERE id = ANY($1::text[])`,
        [this.states.map((s) => s.scorecardId)],
      );
      if (rows[0]!.total === last) break;
      last = rows[0]!.total;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const { rows } = await this.pool.query<{ scorecardId: string; itemId: string; competencyId: string; version: number }>(
      `SELECT "scorecardId", "itemId", "competencyId", version FROM "Rating" WHERE "scorecardId" = ANY($1::text[])`,
      [this.states.map((s) => s.scorecardId)],
    );
    const byCard = new Map(this.states.map((s) => [s.scorecardId, s]));
    for (const s of this.states) s.versions.clear();
    for (const r of rows) byCard.get(r.scorecardId)!.versions.set(`${r.itemId}|${r.competencyId}`, r.version);
  }

  private nextWrite(state: PanelistState) {
    const cell = this.org.cells[state.next % this.org.cells.length]!;
    const round_ = Math.floor(state.next / this.org.cells.length);
    const notAssessed = (state.next * 7) % 23 === 0;
    return {
      cell,
      input: {
        scorecardId: state.scorecardId,
        itemId: cell.itemId,
        competencyId: cell.competencyId,
        score: notAssessed ? null : 1 + ((state.next + round_) % 4),
        notAssessed,
        baseVersion: state.versions.get(key(cell)) ?? 0,
      },
    };
  }

  /** Records an answer: saved moves the panelist on; a conflict counts as an error and adopts the server's version. */
  private record(state: PanelistState, cell: CellRef, result: { status: string; version?: number; server?: { version: number } }): boolean {
    state.next++;
    if (result.status === "saved") {
      state.versions.set(key(cell), result.version!);
      return true;
    }
    state.versions.set(key(cell), result.server?.version ?? 0);
    return false;
  }

  /** autocannon against `baseUrl` (the app or the bare-HTTP floor), one connection per panelist. */
  async http(baseUrl: string, options: { durationS: number; rate?: number }): Promise<LoadFigures> {
    await this.syncVersions();
    const latencies: number[] = [];
    let conflicts = 0;
    let failures = 0;
    const failureKinds: Record<string, number> = {};
    let assigned = 0;
    const states = this.states;
    const pending = new Map<number, CellRef>();
    const template: autocannon.Request = {
      method: "POST",
      path: "/api/trpc/scorecards.saveRating?batch=1",
      setupRequest: (req, context) => {
        const panelist = (context as { panelist?: number }).panelist ?? 0;
        const state = states[panelist]!;
        const { cell, input } = this.nextWrite(state);
        pending.set(panelist, cell);
        return { ...req, headers: { "content-type": "application/json", cookie: state.cookie }, body: batchMutationBody(input) };
      },
      onResponse: (status, body, context) => {
        const panelist = (context as { panelist?: number }).panelist ?? 0;
        const state = states[panelist]!;
        const cell = pending.get(panelist)!;
        if (status !== 200) {
          failures++;
          failureKinds[String(status)] = (failureKinds[String(status)] ?? 0) + 1;
          state.next++;
          return;
        }
        try {
          const parsed = JSON.parse(body) as Array<{ result: { data: { json: { status: string; version?: number; server?: { version: number } } } } }>;
          if (!this.record(state, cell, parsed[0]!.result.data.json)) conflicts++;
        } catch {
          failures++;
          state.next++;
        }
      },
    };
    const result = await autocannon({
      url: baseUrl,
      connections: states.length,
      duration: options.durationS,
      ...(options.rate ? { overallRate: options.rate } : {}),
      timeout: 10,
      setupClient: (client) => {
        const panelist = assigned++ % states.length;
        // autocannon shares request objects (and their built buffers) between connections and resets the
        // context after every request: give each connection its own request and a context naming its panelist.
        const iterator = (client as unknown as { requestIterator: { initialContext: object; resetContext(): void; setRequests(r: object[]): void } })
          .requestIterator;
        iterator.initialContext = { panelist };
        iterator.resetContext();
        iterator.setRequests([{ ...template }]);
        client.on("response", (_status: number, _bytes: number, duration: number) => latencies.push(duration));
        if (options.rate) paceEvenly(client, panelist, states.length, options.rate);
      },
      requests: [template],
    });
    // autocannon's errors include its timeouts.
    const errors = failures + conflicts + result.errors;
    if (result.timeouts) failureKinds.timeout = result.timeouts;
    if (result.errors - result.timeouts > 0) failureKinds.connection = result.errors - result.timeouts;
    // autocannon's duration is in seconds
    return { ...figures(latencies, result.duration, errors, conflicts), failures: failureKinds };
  }

  /** The SQL floor: the same statement through a `pg` pool of the app's size, paced like the HTTP runs. */
  async sql(options: { durationS: number; rate?: number }): Promise<LoadFigures> {
    await this.syncVersions();
    const latencies: number[] = [];
    let errors = 0;
    let conflicts = 0;
    const busy = new Set<number>();
    const started = performance.now();
    const end = started + options.durationS * 1000;
    const one = async (panelist: number) => {
      const state = this.states[panelist]!;
      busy.add(panelist);
      const { cell, input } = this.nextWrite(state);
      const statement = saveRatingStatement(state.member, input);
      const t0 = performance.now();
      try {
        const { rows } = await this.pool.query<{ version: number }>(statement.text, statement.values);
        const current = rows[0]
          ? null
          : await this.pool.query<{ version: number }>(
              `SELECT version FROM "Rating" WHERE "scorecardId" = $1 AND "itemId" = $2 AND "competencyId" = $3`,
              [input.scorecardId, input.itemId, input.competencyId],
            );
        latencies.push(performance.now() - t0);
        const ok = this.record(
          state,
          cell,
          rows[0] ? { status: "saved", version: rows[0].version } : { status: "conflict", server: { version: current!.rows[0]?.version ?? 0 } },
        );
        if (!ok) {
          conflicts++;
          errors++;
        }
      } catch {
        latencies.push(performance.now() - t0);
        errors++;
        state.next++;
      } finally {
        busy.delete(panelist);
      }
    };
    if (options.rate) {
      // Open loop: a save every 1/rate seconds, round-robin over panelists (a panelist with a save still in
      // flight waits its turn, as one connection per panelist does in the HTTP runs).
      const interval = 1000 / options.rate;
      let sent = 0;
      const inFlight: Promise<void>[] = [];
      while (performance.now() < end) {
        const due = started + sent * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const panelist = sent % this.states.length;
        sent++;
        if (busy.has(panelist)) continue;
        inFlight.push(one(panelist));
      }
      await Promise.all(inFlight);
    } else {
      await Promise.all(
        this.states.map(async (_, panelist) => {
          while (performance.now() < end) await one(panelist);
        }),
      );
    }
    return figures(latencies, (performance.now() - started) / 1000, errors, conflicts);
  }

  /** Starts the bare-HTTP floor server as a child process; resolves once it listens. */
  /** The bare-HTTP floor (floor-server.ts), knowing these panelists' sessions. */
  startFloorServer(databaseUrl: string, port: number): Promise<ChildProcess> {
    return startFloorServer(databaseUrl, port, Object.fromEntries(this.states.map((s) => [s.cookie, s.member])));
  }
}

/** Starts floor-server.ts in its own process on `port`; `sessions` maps Cookie headers to members (for saves). */
export async function startFloorServer(databaseUrl: string, port: number, sessions: Record<string, MemberRef> = {}): Promise<ChildProcess> {
  const sessionsFile = path.join(os.tmpdir(), `panelkit-bench-sessions-${process.pid}-${port}.json`);
  writeFileSync(sessionsFile, JSON.stringify(sessions));
  const child = fork(path.join(import.meta.dirname, "floor-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BENCH_SESSIONS: sessionsFile },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.once("exit", () => rmSync(sessionsFile, { force: true }));
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`The bare-HTTP floor server exited (${code}) before listening.`)));
  });
  return child;
}

type PacedClient = {
  rate: number;
  reqsMadeThisSecond: number;
  paused: boolean;
  rateInterval?: NodeJS.Timeout;
  _doRequest(): void;
};

/**
 * autocannon's overallRate gives each connection a quota per one-second window, with every window starting
 * together, so all panelists fire at the top of each second: bursts of 100 rather than a steady 200/s. This
 * re-paces a connection to one request per 1/(rate/connections) s, its phase offset by its index, the same
 * schedule the SQL floor follows (a save every 1/rate s, round-robin). Uses autocannon's Client fields
 * (rate, reqsMadeThisSecond, paused, rateInterval, _doRequest), checked against autocannon 8.
 */
function paceEvenly(client: unknown, index: number, connections: number, rate: number) {
  const c = client as PacedClient;
  const period = (1000 * connections) / rate;
  // The Client sets its own interval right after setupClient returns; replace it on the next turn.
  setImmediate(() => {
    clearInterval(c.rateInterval);
    c.rate = 1;
    // Not yet connected: the connect handler finds the quota used and waits (paused) for this connection's slot.
    // Already connected: its first save is in flight, and the slot's tick must not send a second one beside it.
    c.reqsMadeThisSecond = 1;
    const tick = () => {
      c.reqsMadeThisSecond = 0;
      // A connection still waiting for its last answer sends as soon as that answer arrives.
      if (c.paused) {
        c.paused = false;
        c._doRequest();
      }
    };
    setTimeout(() => {
      tick();
      c.rateInterval = setInterval(tick, period);
    }, (index * period) / connections);
  });
}

function figures(latencies: number[], seconds: number, errors: number, conflicts: number): LoadFigures {
  return {
    requests: latencies.length,
    rps: round(latencies.length / seconds, 1),
    p50_ms: round(percentile(latencies, 50), 2),
    p95_ms: round(percentile(latencies, 95), 2),
    p99_ms: round(percentile(latencies, 99), 2),
    errors,
    conflicts,
  };
}
