// Live progress read once per change for every viewer of an interview in this process: with thousands of open
// progress streams, each re-reading the interview, its panel and scorecards after every notification cost
// thousands of queries per change (a 5,000-stream fan-out took seconds). A viewer woken by a notification
// takes a read that started after it was woken, so it never gets a state older than the change it heard of.
import type { PanelistProgress, ProgressState } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";

export type PanelProgressSnapshot = {
  /** The interview and its whole panel (shadows too), for each viewer's access check; null when it is gone. */
  interview: { id: string; orgId: string; scriptVersionId: string; panel: Array<{ userId: string; shadow: boolean }> } | null;
  progress: PanelistProgress[];
  /** `progress` as JSON, made once: viewers compare it with what they sent last. */
  serialized: string;
};

type Read = { startedAt: number; snapshot: Promise<PanelProgressSnapshot>; viewers: number };
const reads = new Map<string, Read>();

/** Where each panelist whose scorecard counts is: states only (see getPanelProgress). */
export function progressOf(
  panel: Array<{ userId: string; shadow: boolean; user: { name: string } }>,
  cards: Array<{ panelistId: string; status: string; _count: { ratings: number; notes: number } }>,
): PanelistProgress[] {
  const cardByPanelist = new Map(cards.map((c) => [c.panelistId, c]));
  // Shadows learn beside the panel; the panel's progress is that of the members whose scorecards count.
  return panel
    .filter((p) => !p.shadow)
    .map(({ userId, user }) => {
      const card = cardByPanelist.get(userId);
      const state: ProgressState =
        card?.status === "SUBMITTED" ? "SUBMITTED" : card && card._count.ratings + card._count.notes > 0 ? "IN_PROGRESS" : "NOT_STARTED";
      return { userId, name: user.name, state };
    });
}

async function readSnapshot(db: Db, interviewId: string): Promise<PanelProgressSnapshot> {
  const [interview, cards] = await Promise.all([
    db.interview.findUnique({
      where: { id: interviewId },
      select: {
        id: true,
        orgId: true,
        scriptVersionId: true,
        panel: { orderBy: [{ user: { name: "asc" } }, { userId: "asc" }], select: { userId: true, shadow: true, user: { select: { name: true } } } },
      },
    }),
    db.scorecard.findMany({
      where: { interviewId },
      select: { panelistId: true, status: true, _count: { select: { ratings: true, notes: true } } },
    }),
  ]);
  if (!interview) return { interview: null, progress: [], serialized: "[]" };
  const progress = progressOf(interview.panel, cards);
  return {
    interview: { ...interview, panel: interview.panel.map(({ userId, shadow }) => ({ userId, shadow })) },
    progress,
    serialized: JSON.stringify(progress),
  };
}

/** A viewer of `interviewId` arrives: reads are kept for the interview while it has viewers in this process. */
export function watchProgressSnapshots(interviewId: string): () => void {
  const read = reads.get(interviewId) ?? { startedAt: -1, snapshot: Promise.resolve(null as never), viewers: 0 };
  read.viewers++;
  reads.set(interviewId, read);
  return () => {
    if (--read.viewers === 0 && reads.get(interviewId) === read) reads.delete(interviewId);
  };
}

/**
 * The interview's progress as read after `wokenAt` (a performance.now() of when the caller learnt of a
 * change): the read in flight or last made when it started later, else a new one shared with every viewer
 * woken before it starts. Call between watchProgressSnapshots and its release.
 */
export function progressSnapshotAfter(db: Db, interviewId: string, wokenAt: number): Promise<PanelProgressSnapshot> {
  const read = reads.get(interviewId);
  if (!read) return readSnapshot(db, interviewId);
  if (read.startedAt > wokenAt) return read.snapshot;
  read.startedAt = performance.now();
  const snapshot = readSnapshot(db, interviewId);
  read.snapshot = snapshot;
  // A failed read is not handed to viewers woken later: the next one tries again.
  snapshot.catch(() => {
    if (read.snapshot === snapshot) read.startedAt = -1;
  });
  return snapshot;
}
