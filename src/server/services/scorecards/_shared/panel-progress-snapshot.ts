// Live progress read once per change for every viewer of an interview in this process: with thousands of open
// progress streams, each re-reading the interview, its panel and scorecards after every notification cost
// thousands of queries per change (a 5,000-stream fan-out took seconds). The viewers of an interview share a
// room that listens for its changes and reads after each, so no viewer gets a state older than a change it
// could have heard of.
import type { PanelistProgress, ProgressState } from "@/lib/schemas/scorecards";
import type { Db } from "@/server/db";
import { subscribeToProgress } from "@/server/realtime/progress-events";

export type PanelProgressSnapshot = {
  /** The interview and its whole panel (shadows too), for each viewer's access check; null when it is gone. */
  interview: { id: string; orgId: string; scriptVersionId: string; panel: Array<{ userId: string; shadow: boolean }> } | null;
  progress: PanelistProgress[];
  /** `progress` as JSON, made once: viewers compare it with what they sent last. */
  serialized: string;
};

/** A scorecard as progress sees it: its panelist, its status and whether anything is saved on it. */
export type ProgressCard = { panelistId: string; status: string; started: boolean };

/**
 * The interview's scorecards for progress. Written in SQL because Prisma's relation count (`_count`) groups the
 * whole Rating and ScorecardNote tables, every organisation's, before joining them to these few scorecards: with
 * a million ratings in the database each progress read took a few hundred milliseconds (the bench's fan-out p95
 * went from about 150 to over 500 ms). Each scorecard's first rating or note is looked up through its own index
 * and the lookup stops there. Scalar subqueries with LIMIT 1, not EXISTS: PostgreSQL may answer an EXISTS in
 * the select list from a hash of the whole table, built once, and picks it when its statistics make the
 * interview's scorecards look many against a small table (a ten-person panel after ANALYZE did, and read
 * every organisation's ratings and notes); a scalar subquery is always run per scorecard.
 */
export async function readProgressCards(db: Db, interviewId: string): Promise<ProgressCard[]> {
  return db.$queryRaw<ProgressCard[]>`
    SELECT s."panelistId", s.status::text AS status,
           ((SELECT true FROM "Rating" r WHERE r."scorecardId" = s.id LIMIT 1) IS NOT NULL
             OR (SELECT true FROM "ScorecardNote" n WHERE n."scorecardId" = s.id LIMIT 1) IS NOT NULL) AS started
      FROM "Scorecard" s
     WHERE s."interviewId" = ${interviewId}`;
}

/** Where each panelist whose scorecard counts is: states only (see getPanelProgress). */
export function progressOf(panel: Array<{ userId: string; shadow: boolean; user: { name: string } }>, cards: ProgressCard[]): PanelistProgress[] {
  const cardByPanelist = new Map(cards.map((c) => [c.panelistId, c]));
  // Shadows learn beside the panel; the panel's progress is that of the members whose scorecards count.
  return panel
    .filter((p) => !p.shadow)
    .map(({ userId, user }) => {
      const card = cardByPanelist.get(userId);
      const state: ProgressState = card?.status === "SUBMITTED" ? "SUBMITTED" : card?.started ? "IN_PROGRESS" : "NOT_STARTED";
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
    readProgressCards(db, interviewId),
  ]);
  if (!interview) return { interview: null, progress: [], serialized: "[]" };
  const progress = progressOf(interview.panel, cards);
  return {
    interview: { ...interview, panel: interview.panel.map(({ userId, shadow }) => ({ userId, shadow })) },
    progress,
    serialized: JSON.stringify(progress),
  };
}

/** A viewer in a room: told of every read of the interview made while it is there, in the order they were made. */
export type ProgressViewer = {
  /** Called synchronously with each snapshot; must not throw. */
  deliver(snapshot: PanelProgressSnapshot): void;
  /** The read failed: the viewer's stream ends with the error. */
  fail(error: unknown): void;
};

type Room = {
  db: Db;
  viewers: Set<ProgressViewer>;
  /** A read is in flight. */
  reading: boolean;
  /** Something happened after the read in flight started: read again when it is done. */
  again: boolean;
  unsubscribe: () => void;
};
const rooms = new Map<string, Room>();

/**
 * One read at a time per interview, never older than what asked for it: a change (or a new viewer) during a
 * read in flight gets a second read that starts after it. Each read goes to every viewer in one loop,
 * synchronously, so a change seen by 5,000 open streams costs one promise for all of them, not a chain of
 * promises for each (the per-stream async generators and their hops cost about as much CPU as the socket
 * writes themselves, and their garbage as much again).
 */
function read(interviewId: string, room: Room) {
  if (room.reading) {
    room.again = true;
    return;
  }
  room.reading = true;
  room.again = false;
  readSnapshot(room.db, interviewId).then(
    (snapshot) => {
      for (const viewer of [...room.viewers]) viewer.deliver(snapshot);
    },
    (error: unknown) => {
      for (const viewer of [...room.viewers]) viewer.fail(error);
    },
  ).finally(() => {
    room.reading = false;
    if (room.again && room.viewers.size > 0 && rooms.get(interviewId) === room) read(interviewId, room);
  });
}

/**
 * A viewer of `interviewId` enters its room: the room listens for the interview's changes (once for all its
 * viewers in this process) and reads the interview after each. `refresh()` asks for a read that starts after
 * the call (a new viewer's first state); `leave()` takes the viewer out, and the last one out closes the room.
 * Every viewer of a room is served through the first viewer's database client (there is one per process).
 */
export function joinProgressRoom(db: Db, interviewId: string, viewer: ProgressViewer): { refresh: () => void; leave: () => void } {
  let room = rooms.get(interviewId);
  if (!room) {
    const created: Room = { db, viewers: new Set(), reading: false, again: false, unsubscribe: () => {} };
    created.unsubscribe = subscribeToProgress(interviewId, () => read(interviewId, created));
    rooms.set(interviewId, created);
    room = created;
  }
  const joined = room;
  joined.viewers.add(viewer);
  return {
    refresh: () => {
      if (joined.viewers.has(viewer)) read(interviewId, joined);
    },
    leave: () => {
      if (!joined.viewers.delete(viewer) || joined.viewers.size > 0) return;
      joined.unsubscribe();
      if (rooms.get(interviewId) === joined) rooms.delete(interviewId);
    },
  };
}
