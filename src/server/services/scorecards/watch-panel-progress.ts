import type { InterviewScorecardsInput, PanelistProgress } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { progressEventsReady, subscribeToProgress } from "@/server/realtime/progress-events";
import { interviewAccessFrom, resolveInterviewAccess } from "./_shared/interview-access";
import { notFound } from "@/server/errors";
import { progressSnapshotAfter, watchProgressSnapshots } from "./_shared/panel-progress-snapshot";

/**
 * Live panel progress: the current state at once, then the state again after every change to this
 * interview's scorecards (from any app instance). Bursts of notifications collapse into one re-read, shared
 * by every viewer of the interview in this process (panel-progress-snapshot.ts), and each viewer's access is
 * decided again on every read, as getPanelProgress does. An unchanged state is not sent twice. Ends when
 * `signal` aborts (the client went away).
 */
export async function* watchPanelProgress(
  db: Db,
  actor: Actor,
  input: InterviewScorecardsInput,
  signal?: AbortSignal,
): AsyncGenerator<PanelistProgress[], void, unknown> {
  await resolveInterviewAccess(db, actor, input.interviewId);
  let dirty = true;
  let wokenAt = performance.now();
  let wake: (() => void) | null = null;
  const release = watchProgressSnapshots(input.interviewId);
  const unsubscribe = subscribeToProgress(input.interviewId, () => {
    dirty = true;
    wokenAt = performance.now();
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    // Subscribe first and read after LISTEN is up: a change made in between is then never missed.
    await progressEventsReady();
    wokenAt = performance.now();
    let last = "";
    while (!signal?.aborted) {
      if (!dirty) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        continue;
      }
      dirty = false;
      const snapshot = await progressSnapshotAfter(db, input.interviewId, wokenAt);
      if (!snapshot.interview) throw notFound("Interview");
      interviewAccessFrom(actor, snapshot.interview);
      if (snapshot.serialized === last) continue;
      last = snapshot.serialized;
      yield snapshot.progress;
    }
  } finally {
    unsubscribe();
    release();
    signal?.removeEventListener("abort", onAbort);
  }
}
