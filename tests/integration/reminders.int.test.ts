import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sendScoringReminders, type ScoringReminder } from "@/server/services/interviews/send-scoring-reminders";
import { callerFor } from "./factories";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";

const HOUR = 3_600_000;

async function runReminders(send: (r: ScoringReminder) => Promise<boolean> = async () => true) {
  const sent: ScoringReminder[] = [];
  await sendScoringReminders(db(), {
    baseUrl: "https://panelkit.example/",
    send: async (reminder) => {
      const ok = await send(reminder);
      if (ok) sent.push(reminder);
      return ok;
    },
  });
  return sent;
}

describe("scoring reminders by email", () => {
  it("go once to each panelist who has not submitted some hours after the interview, and never to one who has", async () => {
    const panel = await createPanelInterview();
    // The script plans 60 minutes; the reminder is due 4 hours after that.
    await db().interview.update({ where: { id: panel.interviewId }, data: { scheduledAt: new Date(Date.now() - 6 * HOUR) } });
    const [submitted, drafting, notStarted] = panel.panelists;
    await rateAndSubmit(callerFor(submitted.userId), panel.interviewId);
    await callerFor(drafting.userId).scorecards.mine({ interviewId: panel.interviewId });

    const mine = (list: ScoringReminder[]) => list.filter((r) => r.link.endsWith(`/interviews/${panel.interviewId}/score`));
    const first = mine(await runReminders());
    const emails = await db().user.findMany({ where: { id: { in: [drafting.userId, notStarted.userId] } }, select: { email: true } });
    expect(first.map((r) => r.to).sort()).toEqual(emails.map((u) => u.email).sort());
    expect(first[0]).toMatchObject({ candidateName: "Sam Candidate", link: `https://panelkit.example/interviews/${panel.interviewId}/score` });
    expect(mine(await runReminders())).toEqual([]);
  });

  it("wait until the interview is well over, and try again later when sending failed", async () => {
    const panel = await createPanelInterview();
    const mine = (list: ScoringReminder[]) => list.filter((r) => r.link.includes(panel.interviewId));
    await db().interview.update({ where: { id: panel.interviewId }, data: { scheduledAt: new Date(Date.now() - 2 * HOUR) } });
    expect(mine(await runReminders())).toEqual([]);

    await db().interview.update({ where: { id: panel.interviewId }, data: { scheduledAt: new Date(Date.now() - 6 * HOUR) } });
    const refused = await runReminders(async (r) => !r.link.includes(panel.interviewId));
    expect(mine(refused)).toEqual([]);
    expect(mine(await runReminders())).toHaveLength(3);
  });
});
