import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DebriefIdInput, DebriefWatchEvent } from "@/lib/schemas/debriefs";
import { debriefRowVisibleTo } from "@/server/access/debrief-visibility";
import { progressEventsReady, subscribeToProgress } from "@/server/realtime/progress-events";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { debriefChannelKey } from "./_shared/notify-debrief";
import { loadDebrief } from "./_shared/debrief-context";
import { loadStagePanel } from "./_shared/stage-panel";

const stampRowSchema = z.object({ version: z.number().int(), stamp: z.string() });

/** The debrief's version and a stamp of its stage's submitted scorecards (a late submission or an amendment changes it). */
async function readStamp(db: Db, actor: Actor, debriefId: string): Promise<DebriefWatchEvent> {
  const [row] = checkedRows(
    stampRowSchema,
    await db.$queryRaw`
      SELECT d."version",
        (SELECT count(*) || '.' || coalesce(sum(sc."version"), 0) FROM "Scorecard" sc JOIN "Interview" i ON i."id" = sc."interviewId"
          WHERE i."candidateId" = d."candidateId" AND i."stageId" = d."stageId" AND sc."status" = 'SUBMITTED'::"ScorecardStatus") AS "stamp"
      FROM "Debrief" d WHERE d."id" = ${debriefId} AND ${debriefRowVisibleTo(actor, Prisma.raw("d"))}`,
  );
  if (!row) throw notFound("Debrief");
  return row;
}

/**
 * Live debrief: its version now, then again after every change (an entry, a comment, the decision, a
 * correction, a panelist's late submission), from any app instance, over the panel-progress channel.
 * Every emission is read through the access rule. Ends when `signal` aborts.
 */
export async function* watchDebrief(db: Db, actor: Actor, input: DebriefIdInput, signal?: AbortSignal): AsyncGenerator<DebriefWatchEvent, void, unknown> {
  const debrief = await loadDebrief(db, actor, input.id);
  const { interviewIds } = await loadStagePanel(db, actor.orgId, debrief.candidateId, debrief.stageId);
  let dirty = true;
  let wake: (() => void) | null = null;
  const onChange = () => {
    dirty = true;
    wake?.();
  };
  const unsubscribe = [debriefChannelKey(debrief.id), ...interviewIds].map((key) => subscribeToProgress(key, onChange));
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
      const event = await readStamp(db, actor, debrief.id);
      const serialized = `${event.version}|${event.stamp}`;
      if (serialized === last) continue;
      last = serialized;
      yield event;
    }
  } finally {
    for (const off of unsubscribe) off();
    signal?.removeEventListener("abort", onAbort);
  }
}
