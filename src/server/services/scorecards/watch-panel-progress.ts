import type { InterviewScorecardsInput, PanelistProgress } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { progressEventsReady } from "@/server/realtime/progress-events";
import { interviewAccessFrom, resolveInterviewAccess } from "./_shared/interview-access";
import { notFound } from "@/server/errors";
import { joinProgressRoom, type PanelProgressSnapshot } from "./_shared/panel-progress-snapshot";

type Waiter = { resolve: (result: IteratorResult<PanelistProgress[], void>) => void; reject: (error: unknown) => void };

/**
 * Live panel progress: the current state at once, then the state again after every change to this
 * interview's scorecards (from any app instance). The viewers of an interview in this process share one read
 * per change (panel-progress-snapshot.ts), and each viewer's access is decided again on every read, as
 * getPanelProgress does. An unchanged state is not sent twice; states that arrive faster than the reader
 * takes them collapse into the newest. Ends when `signal` aborts (the client went away) or `return()`.
 *
 * Written as an async iterator by hand rather than an async generator: a read is handed to every viewer in
 * one synchronous loop, which settles each waiting reader's promise directly. Through a generator each viewer
 * woke, awaited the shared read and yielded through a chain of promises of its own, and with thousands of
 * open streams that chain cost as much CPU as writing to their sockets.
 */
export function watchPanelProgress(
  db: Db,
  actor: Actor,
  input: InterviewScorecardsInput,
  signal?: AbortSignal,
): AsyncIterableIterator<PanelistProgress[], void> {
  const waiters: Waiter[] = [];
  /** A state not yet taken by the reader (only the newest is kept). */
  let pending: PanelProgressSnapshot | null = null;
  /** The JSON of the state last handed to the reader. */
  let sent: string | null = null;
  let failure: { error: unknown } | null = null;
  let ended = false;
  let started = false;
  let room: ReturnType<typeof joinProgressRoom> | null = null;

  const close = () => {
    ended = true;
    room?.leave();
    room = null;
    signal?.removeEventListener("abort", finish);
  };
  /** The reader is gone: every waiting read ends. */
  function finish() {
    if (ended) return;
    close();
    for (const waiter of waiters.splice(0)) waiter.resolve({ done: true, value: undefined });
  }
  /** The stream ends with `error`: the waiting read (or the next one) rejects with it. */
  const fail = (error: unknown) => {
    if (ended) return;
    close();
    const [first, ...rest] = waiters.splice(0);
    if (first) first.reject(error);
    else failure = { error };
    for (const waiter of rest) waiter.resolve({ done: true, value: undefined });
  };

  const deliver = (snapshot: PanelProgressSnapshot) => {
    if (ended) return;
    try {
      if (!snapshot.interview) throw notFound("Interview");
      interviewAccessFrom(actor, snapshot.interview);
    } catch (error) {
      fail(error);
      return;
    }
    if (snapshot.serialized === sent) {
      pending = null;
      return;
    }
    const waiter = waiters.shift();
    if (!waiter) {
      pending = snapshot;
      return;
    }
    sent = snapshot.serialized;
    waiter.resolve({ done: false, value: snapshot.progress });
  };

  const start = async () => {
    await resolveInterviewAccess(db, actor, input.interviewId);
    if (ended) return;
    room = joinProgressRoom(db, input.interviewId, { deliver, fail });
    // In the room first, read after LISTEN is up: a change made in between is then never missed.
    await progressEventsReady();
    room?.refresh();
  };

  if (signal?.aborted) ended = true;
  else signal?.addEventListener("abort", finish);

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (failure) {
        const { error } = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (ended) return Promise.resolve({ done: true, value: undefined });
      if (pending) {
        const { progress, serialized } = pending;
        pending = null;
        sent = serialized;
        return Promise.resolve({ done: false, value: progress });
      }
      const next = new Promise<IteratorResult<PanelistProgress[], void>>((resolve, reject) => waiters.push({ resolve, reject }));
      if (!started) {
        started = true;
        start().catch(fail);
      }
      return next;
    },
    return() {
      finish();
      return Promise.resolve({ done: true, value: undefined });
    },
  };
}
