// An interview marks itself Completed when the last panelist submits, and goes back to Scheduled when
// the panel grows by someone who has still to score (issue 14, item 14).
import { describe, expect, it } from "vitest";
import { createUser } from "./factories";
import { db } from "@/server/db";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";

async function statusOf(interviewId: string) {
  return (await db().interview.findUniqueOrThrow({ where: { id: interviewId }, select: { status: true } })).status;
}

describe("interview completion", () => {
  it("becomes Completed in the same submit that completes the panel, and Scheduled again when a panelist is added", async () => {
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists;

    await rateAndSubmit(ada.caller, f.interviewId);
    await rateAndSubmit(ben.caller, f.interviewId);
    expect(await statusOf(f.interviewId)).toBe("SCHEDULED");
    const listed = await f.manager.caller.interviews.get({ id: f.interviewId });
    expect(listed.status).toBe("SCHEDULED");

    await rateAndSubmit(cleo.caller, f.interviewId);
    expect(await statusOf(f.interviewId)).toBe("COMPLETED");
    expect((await f.manager.caller.interviews.get({ id: f.interviewId })).status).toBe("COMPLETED");

    // A fourth panelist joins: the interview has a scorecard to wait for again.
    const dan = await createUser("Dan Panelist");
    await db().membership.create({ data: { orgId: f.org.id, userId: dan.id, role: "INTERVIEWER" } });
    const panel = [ada.userId, ben.userId, cleo.userId, dan.id];
    await f.manager.caller.interviews.setPanel({ id: f.interviewId, userIds: panel });
    expect(await statusOf(f.interviewId)).toBe("SCHEDULED");

    // Taking them off again (nothing scored) leaves a panel that has all submitted.
    await f.manager.caller.interviews.setPanel({ id: f.interviewId, userIds: panel.slice(0, 3) });
    expect(await statusOf(f.interviewId)).toBe("COMPLETED");
  });

  it("completes when the last two panelists submit at the same moment", async () => {
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists;
    await rateAndSubmit(ada.caller, f.interviewId);
    await Promise.all([rateAndSubmit(ben.caller, f.interviewId), rateAndSubmit(cleo.caller, f.interviewId)]);
    expect(await statusOf(f.interviewId)).toBe("COMPLETED");
  });

  it("leaves a cancelled interview cancelled", async () => {
    const f = await createPanelInterview();
    const [ada, ben] = f.panelists;
    await rateAndSubmit(ada.caller, f.interviewId);
    await rateAndSubmit(ben.caller, f.interviewId);
    await f.manager.caller.interviews.update({ id: f.interviewId, status: "CANCELLED" });
    await f.manager.caller.interviews.setPanel({ id: f.interviewId, userIds: [ada.userId, ben.userId] });
    expect(await statusOf(f.interviewId)).toBe("CANCELLED");
  });
});
