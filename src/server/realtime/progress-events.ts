// Live panel progress across app instances: scorecard writes run `pg_notify('panelkit_progress', interviewId)`
// in their transaction; each process holds ONE dedicated LISTEN connection (opened on the first subscriber,
// reopened with backoff when it drops) and fans notifications out to in-process subscribers by interview.
import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { directDatabaseUrl } from "@/env";
import { PROGRESS_CHANNEL } from "./progress-channel";
import { errorFields, logger } from "@/server/log/logger";

const RETRY_MIN_MS = 500;
// Capped low: while LISTEN is down, open progress panels go stale, so after a database restart live progress
// should be back within seconds, and one connection attempt per process every 5 s costs nothing.
const RETRY_MAX_MS = 5_000;

type Listener = {
  emitter: EventEmitter;
  client: pg.Client | null;
  listening: boolean;
  /** Resolved when LISTEN is active; recreated on each disconnect. */
  ready: Promise<void>;
  markReady: () => void;
  retryMs: number;
  retryTimer: ReturnType<typeof setTimeout> | null;
  started: boolean;
  stopped: boolean;
};

// One per process, kept on globalThis so Next's dev reloads don't open a second connection.
const globalForProgress = globalThis as unknown as { panelkitProgressListener?: Listener };

function listener(): Listener {
  if (!globalForProgress.panelkitProgressListener) {
    const emitter = new EventEmitter();
    // Every open scoring screen and progress panel subscribes; that is not a leak.
    emitter.setMaxListeners(0);
    const state: Listener = {
      emitter,
      client: null,
      listening: false,
      ready: Promise.resolve(),
      markReady: () => {},
      retryMs: RETRY_MIN_MS,
      retryTimer: null,
      started: false,
      stopped: false,
    };
    resetReady(state);
    globalForProgress.panelkitProgressListener = state;
  }
  return globalForProgress.panelkitProgressListener;
}

function resetReady(state: Listener) {
  state.ready = new Promise<void>((resolve) => {
    state.markReady = resolve;
  });
}

async function connect(state: Listener, isReconnect: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: directDatabaseUrl(), connectionTimeoutMillis: 5_000, keepAlive: true });
  state.client = client;
  let dropped = false;
  const onDrop = (reason: unknown) => {
    if (dropped || state.stopped || state.client !== client) return;
    dropped = true;
    logger.warn({ component: "realtime", ...errorFields(reason) }, "progress LISTEN connection lost; reconnecting");
    state.listening = false;
    state.client = null;
    resetReady(state);
    client.end().catch(() => {});
    scheduleReconnect(state);
  };
  client.on("error", onDrop);
  client.on("end", () => onDrop("connection ended"));
  client.on("notification", (message) => {
    if (message.channel === PROGRESS_CHANNEL && message.payload) state.emitter.emit(message.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
  } catch (error) {
    onDrop(error);
    return;
  }
  if (state.stopped) {
    await client.end().catch(() => {});
    return;
  }
  state.listening = true;
  state.retryMs = RETRY_MIN_MS;
  state.markReady();
  if (isReconnect) {
    logger.info({ component: "realtime" }, "progress LISTEN connection restored");
    // Notifications sent while we were away are lost: tell every subscriber to look again.
    for (const interviewId of state.emitter.eventNames()) state.emitter.emit(interviewId);
  }
}

function scheduleReconnect(state: Listener) {
  if (state.stopped || state.retryTimer) return;
  const delay = state.retryMs;
  state.retryMs = Math.min(state.retryMs * 2, RETRY_MAX_MS);
  state.retryTimer = setTimeout(() => {
    state.retryTimer = null;
    void connect(state, true);
  }, delay);
  state.retryTimer.unref?.();
}

function ensureStarted(state: Listener) {
  if (state.started) return;
  state.started = true;
  state.stopped = false;
  void connect(state, false);
}

/**
 * Calls `onChange` whenever some panelist's progress on `interviewId` may have changed (in this process or
 * another one on the same database), and after a lost connection comes back. Returns the unsubscribe.
 */
export function subscribeToProgress(interviewId: string, onChange: () => void): () => void {
  const state = listener();
  ensureStarted(state);
  const handler = () => onChange();
  state.emitter.on(interviewId, handler);
  return () => {
    state.emitter.off(interviewId, handler);
  };
}

/** Resolves once the LISTEN connection is up, so a caller can read state knowing later changes will reach it. */
export function progressEventsReady(timeoutMs = 5_000): Promise<boolean> {
  const state = listener();
  ensureStarted(state);
  if (state.listening) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref?.();
    void state.ready.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Closes the LISTEN connection (tests, shutdown). A later subscriber opens a new one. */
export async function stopProgressEvents(): Promise<void> {
  const state = globalForProgress.panelkitProgressListener;
  if (!state) return;
  state.stopped = true;
  state.started = false;
  state.listening = false;
  if (state.retryTimer) clearTimeout(state.retryTimer);
  state.retryTimer = null;
  const client = state.client;
  state.client = null;
  resetReady(state);
  await client?.end().catch(() => {});
}
