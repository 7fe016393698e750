// Panelists without accounts (issue 23): a hiring manager adds a service user to a panel with a personal
// scoring link and code; the link binds to the first device, refuses a second one until the code is typed
// there, locks after repeated wrong codes, stops working when revoked or expired, and signs the person in
// to their own interview's scoring screen and nothing else. Their submitted scorecard counts like a member's.
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";
import { openLayLink } from "@/server/services/lay-panelists/open-lay-link";
import { signInWithLayLink } from "@/server/services/lay-panelists/sign-in-with-lay-link";
import { hashLinkToken } from "@/server/services/lay-panelists/_shared/lay-link-secrets";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";

/** A caller as the HTTP handler builds one from the lay panelist's session cookie (with its session version). */
async function sessionCaller(userId: string) {
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return createCaller({ db: db(), userId, sessionVersion, preferredOrgId: null, clientAddress: "127.0.0.1" });
}

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "allowed";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    if (error instanceof Error && "code" in error) return String((error as { code: unknown }).code);
    throw error;
  }
}

async function addServiceUser(f: Awaited<ReturnType<typeof createPanelInterview>>, interviewId = f.interviewId) {
  return f.manager.caller.layPanelists.add({ interviewId, name: "Rhiannon Service-User", email: "rhiannon@example.org", strand: "SERVICE_USER", sendEmail: false });
}

/** Opens the link on a new device and signs in there: the device secret and the session's caller. */
async function openAndSignIn(token: string) {
  const opened = await openLayLink(db(), { token });
  if (!opened.ok || !opened.deviceSecret) throw new Error(`link refused: ${JSON.stringify(opened)}`);
  const user = await signInWithLayLink(db(), { token, deviceSecret: opened.deviceSecret });
  return { deviceSecret: opened.deviceSecret, userId: user.id, caller: await sessionCaller(user.id) };
}

const tokenOf = (link: string) => link.split("/lay/")[1]!;

describe("panelists without accounts", () => {
  it("scores their own interview through the link, and their submitted scorecard counts like a member's", async () => {
    const f = await createPanelInterview();
    const issued = await addServiceUser(f);
    expect(issued.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
    expect(issued.expiresAt).toEqual(new Date("2026-12-08T10:00:00Z")); // 7 days after the interview
    const stored = await db().layPanelistLink.findFirstOrThrow({ where: { userId: issued.userId } });
    expect(stored.tokenHash).toBe(hashLinkToken(tokenOf(issued.link)));
    expect(JSON.stringify(stored)).not.toContain(tokenOf(issued.link));
    expect(JSON.stringify(stored)).not.toContain(issued.code);
    const user = await db().user.findUniqueOrThrow({ where: { id: issued.userId }, include: { memberships: true, panelSeats: true } });
    expect(user.memberships).toEqual([]);
    expect(user.email).toMatch(/@panelists\.invalid$/);
    expect(user.panelSeats[0]?.strand).toBe("SERVICE_USER");

    const lay = await openAndSignIn(tokenOf(issued.link));
    for (const p of f.panelists) await rateAndSubmit(p.caller, f.interviewId, 2);
    expect((await db().interview.findUniqueOrThrow({ where: { id: f.interviewId } })).status).toBe("SCHEDULED");
    await rateAndSubmit(lay.caller, f.interviewId, 4);
    expect((await db().interview.findUniqueOrThrow({ where: { id: f.interviewId } })).status).toBe("COMPLETED");
    const summary = await f.manager.caller.insights.candidateSummary({ candidateId: f.candidateId, blind: false });
    expect(summary.scorecards.map((s) => s.panelistId)).toContain(lay.userId);
    expect(summary.scorecards).toHaveLength(4);
    // After submitting, the panel's scorecards: what any panelist sees then.
    const panel = await lay.caller.scorecards.forInterview({ interviewId: f.interviewId });
    expect(JSON.stringify(panel)).toContain(f.panelists[0].name);
    const list = await f.manager.caller.layPanelists.list({ interviewId: f.interviewId });
    expect(list).toMatchObject([{ userId: lay.userId, status: "ACTIVE", deviceBound: true, contactEmail: "rhiannon@example.org" }]);
  });

  it("grants nothing else: other procedures and other interviews answer as for a stranger", async () => {
    const f = await createPanelInterview();
    const other = await db().interview.create({
      data: { orgId: f.org.id, candidateId: f.candidateId, scriptVersionId: (await db().interview.findUniqueOrThrow({ where: { id: f.interviewId } })).scriptVersionId, scheduledAt: new Date() },
    });
    const { caller } = await openAndSignIn(tokenOf((await addServiceUser(f)).link));
    await caller.scorecards.mine({ interviewId: f.interviewId });
    expect(await refusal(caller.org.viewer())).toBe("FORBIDDEN");
    expect(await refusal(caller.interviews.mine())).toBe("FORBIDDEN");
    expect(await refusal(caller.banks.list())).toBe("FORBIDDEN");
    expect(await refusal(caller.org.members())).toBe("FORBIDDEN");
    expect(await refusal(caller.scorecards.mine({ interviewId: other.id }))).toBe("NOT_FOUND");
    expect(await refusal(caller.interviews.get({ id: other.id }))).toBe("NOT_FOUND");
    const othersCard = await f.panelists[0].caller.scorecards.mine({ interviewId: f.interviewId });
    expect(await refusal(caller.scorecards.submit({ scorecardId: othersCard.id, recommendation: "YES", summary: "x" }))).toBe("NOT_FOUND");
    // A public procedure treats the lay session as signed out: it can't join an organisation with it.
    expect(await caller.auth.signInOptions()).toBeTruthy();
  });

  it("refuses a second device until the code is typed there, which moves the link and signs the first device out", async () => {
    const f = await createPanelInterview();
    const issued = await addServiceUser(f);
    const token = tokenOf(issued.link);
    const first = await openAndSignIn(token);
    expect(await openLayLink(db(), { token, deviceSecret: first.deviceSecret })).toMatchObject({ ok: true, deviceSecret: null });
    expect(await openLayLink(db(), { token, deviceSecret: null })).toEqual({ ok: false, reason: "OTHER_DEVICE" });
    await expect(signInWithLayLink(db(), { token, deviceSecret: "another-device" })).rejects.toThrow(/already open on another device/);
    const moved = await openLayLink(db(), { token, code: issued.code.toLowerCase() });
    expect(moved.ok && moved.deviceSecret).toBeTruthy();
    expect(await refusal(first.caller.scorecards.mine({ interviewId: f.interviewId }))).toBe("UNAUTHORIZED");
    await expect(signInWithLayLink(db(), { token, deviceSecret: first.deviceSecret })).rejects.toThrow(/another device/);
  });

  it("makes wrong codes wait, then locks the link; a re-issued link works and the old one does not", async () => {
    const f = await createPanelInterview();
    const issued = await addServiceUser(f);
    const token = tokenOf(issued.link);
    const bound = await openAndSignIn(token);
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    const wrong = issued.code === "AAAAAAAA" ? "CCCCCCCC" : "AAAAAAAA";
    expect(await openLayLink(db(), { token, code: wrong }, at(0))).toEqual({ ok: false, reason: "WRONG_CODE", attemptsLeft: 4 });
    expect(await openLayLink(db(), { token, code: wrong }, at(1))).toEqual({ ok: false, reason: "WRONG_CODE", attemptsLeft: 3 });
    expect(await openLayLink(db(), { token, code: wrong }, at(2))).toEqual({ ok: false, reason: "WRONG_CODE", attemptsLeft: 2 });
    // The third wrong code makes the next try wait 30 seconds; trying meanwhile counts for nothing.
    expect(await openLayLink(db(), { token, code: issued.code }, at(3))).toEqual({ ok: false, reason: "WAIT" });
    expect((await db().layPanelistLink.findUniqueOrThrow({ where: { tokenHash: hashLinkToken(token) } })).failedAttempts).toBe(3);
    // Meanwhile the device the link is bound to still works.
    expect(await openLayLink(db(), { token, deviceSecret: bound.deviceSecret }, at(4))).toMatchObject({ ok: true });
    expect(await openLayLink(db(), { token, code: wrong }, at(40))).toEqual({ ok: false, reason: "WRONG_CODE", attemptsLeft: 1 });
    expect(await openLayLink(db(), { token, code: wrong }, at(80))).toEqual({ ok: false, reason: "LOCKED" });
    // Locked for good: the right code, and the bound device, are refused from now on.
    expect(await openLayLink(db(), { token, code: issued.code }, at(200))).toEqual({ ok: false, reason: "LOCKED" });
    await expect(signInWithLayLink(db(), { token, deviceSecret: bound.deviceSecret })).rejects.toThrow(/locked/);
    const [listed] = await f.manager.caller.layPanelists.list({ interviewId: f.interviewId });
    expect(listed?.status).toBe("LOCKED");
    const again = await f.manager.caller.layPanelists.reissue({ interviewId: f.interviewId, userId: issued.userId });
    expect(await openLayLink(db(), { token })).toEqual({ ok: false, reason: "REVOKED" });
    const fresh = await openAndSignIn(tokenOf(again.link));
    expect(fresh.userId).toBe(issued.userId);
  });

  it("stops a revoked or expired link and the sessions it opened, keeping what was saved", async () => {
    const f = await createPanelInterview();
    const issued = await addServiceUser(f);
    const token = tokenOf(issued.link);
    const lay = await openAndSignIn(token);
    const card = await lay.caller.scorecards.mine({ interviewId: f.interviewId });
    expect(await f.panelists[0].caller.layPanelists.revoke({ interviewId: f.interviewId, userId: issued.userId }).catch((e: TRPCError) => e.code)).toBe("FORBIDDEN");
    await f.manager.caller.layPanelists.revoke({ interviewId: f.interviewId, userId: issued.userId });
    expect(await openLayLink(db(), { token, deviceSecret: lay.deviceSecret })).toEqual({ ok: false, reason: "REVOKED" });
    expect(await refusal(lay.caller.scorecards.mine({ interviewId: f.interviewId }))).toBe("UNAUTHORIZED");
    // Even a session still current would find no live link for the interview.
    expect(await refusal((await sessionCaller(issued.userId)).scorecards.mine({ interviewId: f.interviewId }))).toBe("NOT_FOUND");
    expect(await db().scorecard.count({ where: { id: card.id } })).toBe(1);
    const audit = await db().auditEvent.findMany({ where: { orgId: f.org.id, action: { startsWith: "lay_" } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["lay_link.device_bound", "lay_link.revoked", "lay_panelist.added"]);

    const again = await f.manager.caller.layPanelists.reissue({ interviewId: f.interviewId, userId: issued.userId });
    await openAndSignIn(tokenOf(again.link));
    await db().layPanelistLink.updateMany({ where: { userId: issued.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openLayLink(db(), { token: tokenOf(again.link) })).toEqual({ ok: false, reason: "EXPIRED" });
    expect(await refusal((await sessionCaller(issued.userId)).scorecards.mine({ interviewId: f.interviewId }))).toBe("NOT_FOUND");
    // After the scoring window no new link can be made either.
    await db().interview.update({ where: { id: f.interviewId }, data: { scheduledAt: new Date(Date.now() - 8 * 86_400_000) } });
    expect(await refusal(addServiceUser(f))).toBe("CONFLICT");
  });
});
