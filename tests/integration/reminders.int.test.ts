import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { queueScoringReminders, type ReminderSeat } from "@/server/jobs/queue-scoring-reminders";
import { callerFor } from "./factories";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";

const HOUR = 3_600_000;

/** Claims due reminders as the scoring-reminders job does; what it would queue is collected instead. */
async function runReminders(queue: (seat: ReminderSeat) => void = () => undefined) {
  const queued: ReminderSeat[] = [];
  await queueScoringReminders(db(), async (_tx, seat) => {
    queue(seat);
    queued.push(seat);
  });
  return queued;
}

describe("scoring reminders", () => {
  it("are queued once for each panelist who has not submitted some hours after the interview, and never for one who has", async () => {
    const panel = await createPanelInterview();
    // The script plans 60 minutes; the reminder is due 4 hours after that.
    await db().interview.update({ where: { id: panel.interviewId }, data: { scheduledAt: new Date(Date.now() - 6 * HOUR) } });
    const [submitted, drafting, notStarted] = panel.panelists;
    await rateAndSubmit(callerFor(submitted.userId), panel.interviewId);
    await callerFor(drafting.userId).scorecards.mine({ interviewId: panel.interviewId });

    const mine = (list: ReminderSeat[]) => list.filter((r) => r.interviewId === panel.interviewId);
    const first = mine(await runReminders());
    expect(first.map((r) => r.userId).sort()).toEqual([drafting.userId, notStarted.userId].sort());
    expect(first[0]).toMatchObject({ orgId: panel.org.id });
    expect(mine(await runReminders())).toEqual([]);
  });

  it("wait until the interview is well over, and are claimed again when queuing failed (nothing is lost)", async () => {
    const panel = await createPanelInterview();
    const mine = (list: ReminderSeat[]) => list.filter((r) => r.interviewId === panel.interviewId);
    await db().interview.update({ where: { id: panel.interviewId }, data: { scheduledAt: new Date(Date.now() - 2 * HOUR) } });
    expect(mine(await runReminders())).toEqual([]);

    await db().interview.update({ where: { id: panel.interviewId }, data: { scheduledAt: new Date(Date.now() - 6 * HOUR) } });
    await expect(
      runReminders((seat) => {
        if (seat.interviewId === panel.interviewId) throw new Error("queue unavailable");
      }),
    ).rejects.toThrow("queue unavailable");
    expect(mine(await runReminders())).toHaveLength(3);
  });
});
