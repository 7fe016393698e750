import type { InterviewScorecardsInput, PanelistProgress } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { progressEventsReady, subscribeToProgress } from "@/server/realtime/progress-events";
import { getPanelProgress } from "./get-panel-progress";
import { resolveInterviewAccess } from "./_shared/interview-access";

/**
 * Live panel progress: the current state at once, then the state again after every change to this
 * interview's scorecards (from any app instance). Bursts of notifications collapse into one re-read, and an
 * unchanged state is not sent twice. Ends when `signal` aborts (the client went away).
 */
export async function* watchPanelProgress(
  db: Db,
  actor: Actor,
  input: InterviewScorecardsInput,
  signal?: AbortSignal,
): AsyncGenerator<PanelistProgress[], void, unknown> {
  await resolveInterviewAccess(db, actor, input.interviewId);
  let dirty = true;
  let wake: (() => void) | null = null;
  const unsubscribe = subscribeToProgress(input.interviewId, () => {
    dirty = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    // Subscribe first and read after LISTEN is up: a change made in between is then never missed.
    await progressEventsReady();
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
      const progress = await getPanelProgress(db, actor, input);
      const serialized = JSON.stringify(progress);
      if (serialized === last) continue;
      last = serialized;
      yield progress;
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}
