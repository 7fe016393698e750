// Scorecards through the real tRPC router on a real Postgres: independence, per-cell concurrency,
// submission, amendments, progress, and live progress notifications over LISTEN/NOTIFY.
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { progressEventsReady, stopProgressEvents, subscribeToProgress } from "@/server/realtime/progress-events";
import { callerFor, createOrganization } from "./factories";
import { cellsOf, createPanelInterview, rateAndSubmit, rating } from "./scorecard-factories";
import { codeOf, failure } from "./script-factories";

afterAll(async () => {
  await stopProgressEvents();
});

describe("independence", () => {
  it("keeps every panelist's ratings and notes private until the viewer may see them, through every procedure", async () => {
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists;
    const { interviewId } = f;

    const adaCard = await ada.caller.scorecards.mine({ interviewId });
    expect(adaCard).toMatchObject({ status: "DRAFT", version: 1, recommendation: null, submittedAt: null });
    expect(adaCard.interview).toMatchObject({ id: interviewId, candidateName: "Sam Candidate", vacancyTitle: "Crisis Worker", stageName: "Interview" });
    expect(adaCard.items.map((i) => [i.number, i.sectionTitle, i.required, i.competencies.length])).toEqual([
      [1, "Opening", true, 1],
      [2, "Scenarios", true, 2],
      [3, "Scenarios", false, 1],
    ]);
    expect(adaCard.items[0]!.competencies[0]!.anchors.map((a) => a.level)).toEqual([1, 2, 3, 4]);
    const [q1] = cellsOf(adaCard);
    await ada.caller.scorecards.saveRating(rating(adaCard.id, q1!, 4, 0));
    await ada.caller.scorecards.saveNote({ scorecardId: adaCard.id, itemId: q1!.itemId, body: "ADA-SECRET-NOTE", baseVersion: 0 });

    // Ben, not submitted: his own (empty) scorecard only; Ada's is counted, never shown.
    const benCard = await ben.caller.scorecards.mine({ interviewId });
    expect(benCard.id).not.toBe(adaCard.id);
    expect(benCard.items.flatMap((i) => i.ratings)).toEqual([]);
    expect(benCard.items.every((i) => i.note === null)).toBe(true);
    const benView = await ben.caller.scorecards.forInterview({ interviewId });
    expect(benView.scorecards.map((s) => s.panelist.id)).toEqual([ben.userId]);
    expect(benView).toMatchObject({ hiddenCount: 1, hiddenReason: "Submit your own scorecard to see the others." });
    expect(JSON.stringify(benView)).not.toContain("ADA-SECRET-NOTE");
    expect(benView.items.map((i) => i.number)).toEqual([1, 2, 3]);

    // Off the panel with insights: drafts stay private.
    for (const viewer of [f.manager, f.hr, f.admin]) {
      const view = await viewer.caller.scorecards.forInterview({ interviewId });
      expect(view.scorecards).toEqual([]);
      expect(view).toMatchObject({ hiddenCount: 2, hiddenReason: "Drafts stay private until submitted." });
      expect(await codeOf(viewer.caller.scorecards.mine({ interviewId }))).toBe("NOT_FOUND");
    }

    // Progress: states for everyone who may see the interview, never a score.
    const progress = await f.manager.caller.scorecards.progress({ interviewId });
    expect(progress.map((p) => [p.userId, p.state])).toEqual([
      [ada.userId, "IN_PROGRESS"],
      [ben.userId, "NOT_STARTED"],
      [cleo.userId, "NOT_STARTED"],
    ]);
    // States only: no save time, which would show who is writing a lot on which question.
    for (const row of progress) expect(Object.keys(row).sort()).toEqual(["name", "state", "userId"]);
    expect(await ben.caller.scorecards.progress({ interviewId })).toEqual(progress);

    // An interviewer off the panel, and another organisation, see nothing at all.
    for (const stranger of [f.outsider.caller, callerFor((await createOrganization(["ADMIN"])).members.ADMIN.userId)]) {
      expect(await codeOf(stranger.scorecards.mine({ interviewId }))).toBe("NOT_FOUND");
      expect(await codeOf(stranger.scorecards.forInterview({ interviewId }))).toBe("NOT_FOUND");
      expect(await codeOf(stranger.scorecards.progress({ interviewId }))).toBe("NOT_FOUND");
      expect(await codeOf(stranger.scorecards.onProgress({ interviewId }).then((it) => it[Symbol.asyncIterator]().next()))).toBe(
        "NOT_FOUND",
      );
    }

    // Ben submits; Ada is still a draft, so Ben still sees only his own.
    await rateAndSubmit(ben.caller, interviewId, 2);
    const benAfter = await ben.caller.scorecards.forInterview({ interviewId });
    expect(benAfter.scorecards.map((s) => [s.panelist.id, s.status])).toEqual([[ben.userId, "SUBMITTED"]]);
    expect(benAfter).toMatchObject({ hiddenCount: 1, hiddenReason: "Drafts stay private until submitted." });
    const managerMid = await f.manager.caller.scorecards.forInterview({ interviewId });
    expect(managerMid.scorecards.map((s) => s.panelist.id)).toEqual([ben.userId]);
    expect(managerMid.hiddenCount).toBe(1);
    // Ada, not submitted, can't see Ben's submitted scores.
    const adaMid = await ada.caller.scorecards.forInterview({ interviewId });
    expect(adaMid.scorecards.map((s) => s.panelist.id)).toEqual([ada.userId]);
    expect(adaMid.hiddenReason).toBe("Submit your own scorecard to see the others.");

    // Ada submits: now Ben and the hiring manager see both, notes included; Cleo (not submitted) still doesn't.
    const adaSubmit = await ada.caller.scorecards.submit({
      scorecardId: adaCard.id,
      recommendation: "STRONG_YES",
      summary: "Excellent.",
    }).catch((e: unknown) => e);
    // Ada hadn't rated question 2 yet.
    expect(adaSubmit).toBeInstanceOf(TRPCError);
    const adaNow = await ada.caller.scorecards.mine({ interviewId });
    for (const cell of cellsOf(adaNow).filter((c) => c.required).slice(1)) {
      await ada.caller.scorecards.saveRating(rating(adaCard.id, cell, 3, 0));
    }
    await ada.caller.scorecards.submit({ scorecardId: adaCard.id, recommendation: "STRONG_YES", summary: "Excellent." });

    const benFinal = await ben.caller.scorecards.forInterview({ interviewId });
    expect(benFinal.scorecards.map((s) => s.panelist.id)).toEqual([ada.userId, ben.userId]);
    expect(benFinal.scorecards[0]!.notes).toEqual([{ itemId: q1!.itemId, body: "ADA-SECRET-NOTE" }]);
    expect(benFinal.scorecards[0]!.ratings).toContainEqual({
      itemId: q1!.itemId,
      competencyId: q1!.competencyId,
      score: 4,
      notAssessed: false,
    });
    expect(benFinal).toMatchObject({ hiddenCount: 0, hiddenReason: null });
    const hrFinal = await f.hr.caller.scorecards.forInterview({ interviewId });
    expect(hrFinal.scorecards.map((s) => s.status)).toEqual(["SUBMITTED", "SUBMITTED"]);

    await cleo.caller.scorecards.mine({ interviewId });
    const cleoView = await cleo.caller.scorecards.forInterview({ interviewId });
    expect(cleoView.scorecards.map((s) => s.panelist.id)).toEqual([cleo.userId]);
    expect(cleoView).toMatchObject({ hiddenCount: 2, hiddenReason: "Submit your own scorecard to see the others." });
    expect(JSON.stringify(cleoView)).not.toContain("ADA-SECRET-NOTE");

    expect((await f.hr.caller.scorecards.progress({ interviewId })).map((p) => p.state)).toEqual([
      "SUBMITTED",
      "SUBMITTED",
      "NOT_STARTED",
    ]);
  });
});

describe("saving cells", () => {
  // saveRating and saveNote check the membership inside their one SQL statement (cell-write-sql.ts):
  // these pin that check to what every other procedure does through resolveActor.
  it("writes nothing for a panelist who is no longer a member, and says so", async () => {
    const f = await createPanelInterview();
    const [ada] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const [q1] = cellsOf(card);
    await db().membership.deleteMany({ where: { userId: ada.userId, orgId: f.org.id } });
    expect(await codeOf(ada.caller.scorecards.saveRating(rating(card.id, q1!, 3, 0)))).toBe("FORBIDDEN");
    expect(await codeOf(ada.caller.scorecards.saveNote({ scorecardId: card.id, itemId: q1!.itemId, body: "x", baseVersion: 0 }))).toBe("FORBIDDEN");
    expect(await db().rating.count({ where: { scorecardId: card.id } })).toBe(0);
    expect(await db().scorecardNote.count({ where: { scorecardId: card.id } })).toBe(0);
  });

  it("saves only in the organisation the panelist acts in (the one chosen, else the oldest membership)", async () => {
    const f = await createPanelInterview();
    const [ada] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const [q1, q2a] = cellsOf(card);
    // Ada joins a second organisation later and picks it in the switcher: this scorecard is not there.
    const { org: other } = await createOrganization([]);
    await db().membership.create({ data: { orgId: other.id, userId: ada.userId, role: "ADMIN" } });
    const inOther = callerFor(ada.userId, other.id);
    expect(await codeOf(inOther.scorecards.saveRating(rating(card.id, q1!, 3, 0)))).toBe("NOT_FOUND");
    expect(await db().rating.count({ where: { scorecardId: card.id } })).toBe(0);
    // Choosing the scorecard's organisation, or nothing (the oldest membership), saves.
    expect(await callerFor(ada.userId, f.org.id).scorecards.saveRating(rating(card.id, q1!, 3, 0))).toMatchObject({ status: "saved" });
    expect(await callerFor(ada.userId).scorecards.saveRating(rating(card.id, q2a!, 2, 0))).toMatchObject({ status: "saved" });
    // A choice of an organisation she doesn't belong to falls back to the oldest membership, as resolveActor does.
    expect(await callerFor(ada.userId, "no-such-org").scorecards.saveRating(rating(card.id, q1!, 4, 1))).toMatchObject({ status: "saved" });
  });

  it("answers a stale version with the server's value instead of overwriting, per cell", async () => {
    const f = await createPanelInterview();
    const [ada, ben] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const [q1, q2a, q2b] = cellsOf(card);
    const tabOne = ada.caller;
    const tabTwo = callerFor(ada.userId);

    expect(await tabOne.scorecards.saveRating(rating(card.id, q1!, 3, 0))).toEqual({
      status: "saved",
      version: 1,
      scorecardVersion: 2,
    });
    // The second tab never saw this cell: conflict carrying tab one's value.
    expect(await tabTwo.scorecards.saveRating(rating(card.id, q1!, 1, 0))).toEqual({
      status: "conflict",
      server: { score: 3, notAssessed: false, version: 1 },
    });
    // A different cell from the second tab saves fine.
    expect(await tabTwo.scorecards.saveRating(rating(card.id, q2a!, 2, 0))).toMatchObject({ status: "saved", version: 1 });
    // Tab two takes tab one's value into account and saves over it; tab one is now stale.
    expect(await tabTwo.scorecards.saveRating({ ...rating(card.id, q1!, null, 1), notAssessed: true })).toMatchObject({
      status: "saved",
      version: 2,
    });
    expect(await tabOne.scorecards.saveRating(rating(card.id, q1!, 4, 1))).toEqual({
      status: "conflict",
      server: { score: null, notAssessed: true, version: 2 },
    });
    // A version the cell never had (the client made it up) is a conflict too, not a fresh insert.
    expect(await tabOne.scorecards.saveRating(rating(card.id, q2b!, 4, 5))).toEqual({
      status: "conflict",
      server: { score: null, notAssessed: false, version: 0 },
    });
    const stored = await db().rating.findMany({ where: { scorecardId: card.id }, orderBy: { version: "desc" } });
    expect(stored.map((r) => [r.itemId, r.competencyId, r.score, r.notAssessed, r.version])).toEqual([
      [q1!.itemId, q1!.competencyId, null, true, 2],
      [q2a!.itemId, q2a!.competencyId, 2, false, 1],
    ]);

    // Notes work the same way.
    const noteOne = await tabOne.scorecards.saveNote({ scorecardId: card.id, itemId: q1!.itemId, body: "calm", baseVersion: 0 });
    expect(noteOne).toMatchObject({ status: "saved", version: 1 });
    expect(await tabTwo.scorecards.saveNote({ scorecardId: card.id, itemId: q1!.itemId, body: "rushed", baseVersion: 0 })).toEqual({
      status: "conflict",
      server: { body: "calm", version: 1 },
    });
    expect(
      await tabTwo.scorecards.saveNote({ scorecardId: card.id, itemId: q1!.itemId, body: "calm, then rushed", baseVersion: 1 }),
    ).toMatchObject({ status: "saved", version: 2 });
    const mine = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    expect(mine.items[0]!.note).toEqual({ body: "calm, then rushed", version: 2 });
    expect(mine.items[0]!.ratings).toEqual([{ competencyId: q1!.competencyId, score: null, notAssessed: true, version: 2 }]);

    // Bad cells: a competency the question doesn't rate, a score with "not assessed", a score out of range.
    const wrongCompetency = { ...q1!, competencyId: f.competencies["crisis-handling"]! };
    expect(await codeOf(ada.caller.scorecards.saveRating(rating(card.id, wrongCompetency, 3, 0)))).toBe("BAD_REQUEST");
    expect(await codeOf(ada.caller.scorecards.saveRating({ ...rating(card.id, q2b!, 3, 0), notAssessed: true }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(ada.caller.scorecards.saveRating(rating(card.id, q2b!, 5, 0)))).toBe("BAD_REQUEST");

    // Someone else's scorecard: not found, for a fellow panelist and for the hiring manager.
    for (const other of [ben.caller, f.manager.caller, f.admin.caller]) {
      expect(await codeOf(other.scorecards.saveRating(rating(card.id, q2b!, 1, 0)))).toBe("NOT_FOUND");
      expect(await codeOf(other.scorecards.saveNote({ scorecardId: card.id, itemId: q1!.itemId, body: "x", baseVersion: 0 }))).toBe(
        "NOT_FOUND",
      );
      expect(await codeOf(other.scorecards.submit({ scorecardId: card.id, recommendation: "NO", summary: "x" }))).toBe(
        "NOT_FOUND",
      );
    }
    expect(await db().rating.count({ where: { scorecardId: card.id } })).toBe(2);
  });

  it("refuses saves to a submitted scorecard", async () => {
    const f = await createPanelInterview();
    const [ada] = f.panelists;
    const { card } = await rateAndSubmit(ada.caller, f.interviewId);
    const [q1] = cellsOf(card);
    const refused = await failure(ada.caller.scorecards.saveRating(rating(card.id, q1!, 1, 1)));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("This scorecard is submitted; amend it with a reason.");
    expect(
      (await failure(ada.caller.scorecards.saveNote({ scorecardId: card.id, itemId: q1!.itemId, body: "late", baseVersion: 0 })))
        .code,
    ).toBe("CONFLICT");
    const stored = await db().rating.findFirstOrThrow({ where: { scorecardId: card.id, itemId: q1!.itemId } });
    expect(stored).toMatchObject({ score: 3, version: 1 });
  });

  it("stores 20 concurrent saves to different cells of one scorecard exactly once each", async () => {
    const f = await createPanelInterview({ wideScript: true });
    const [ada] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const cells = cellsOf(card).slice(0, 20);
    expect(cells).toHaveLength(20);
    const results = await Promise.all(
      cells.map((cell, i) => callerFor(ada.userId).scorecards.saveRating(rating(card.id, cell, (i % 4) + 1, 0))),
    );
    expect(results.every((r) => r.status === "saved" && r.version === 1)).toBe(true);
    // Each save bumped the scorecard exactly once: versions 2..21, no two alike.
    const scorecardVersions = results.map((r) => (r.status === "saved" ? r.scorecardVersion : 0)).sort((a, b) => a - b);
    expect(scorecardVersions).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const stored = await db().rating.findMany({ where: { scorecardId: card.id } });
    expect(stored).toHaveLength(20);
    expect(stored.every((r) => r.version === 1)).toBe(true);
    for (const [i, cell] of cells.entries()) {
      expect(stored.find((r) => r.itemId === cell.itemId && r.competencyId === cell.competencyId)?.score).toBe((i % 4) + 1);
    }
    expect((await db().scorecard.findUniqueOrThrow({ where: { id: card.id } })).version).toBe(21);
  });
});

describe("submitting", () => {
  it("lists the required questions still to rate, then submits exactly once under a double click", async () => {
    const f = await createPanelInterview();
    const [ada] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const [q1, q2ethics, q2empathy, q3] = cellsOf(card);
    await ada.caller.scorecards.saveRating(rating(card.id, q2ethics!, 3, 0));
    await ada.caller.scorecards.saveRating(rating(card.id, q3!, 2, 0));
    // Rated then cleared counts as missing.
    await ada.caller.scorecards.saveRating(rating(card.id, q1!, 2, 0));
    await ada.caller.scorecards.saveRating(rating(card.id, q1!, null, 1));

    const incomplete = await failure(
      ada.caller.scorecards.submit({ scorecardId: card.id, recommendation: "YES", summary: "Good." }),
    );
    expect(incomplete.code).toBe("BAD_REQUEST");
    expect(incomplete.message).toBe("Rate or mark not assessed: question 1 (Empathy), question 2 (Empathy).");
    expect((incomplete.cause as AppError).field).toBe("ratings");

    const noSummary = await failure(
      ada.caller.scorecards.submit({ scorecardId: card.id, recommendation: "YES", summary: "   " }),
    );
    expect(noSummary.code).toBe("BAD_REQUEST");
    expect(noSummary.message).toContain("Write a short summary of your decision");
    expect(await codeOf(ada.caller.scorecards.submit({ scorecardId: card.id, recommendation: "MAYBE" as "YES", summary: "x" }))).toBe(
      "BAD_REQUEST",
    );

    await ada.caller.scorecards.saveRating(rating(card.id, q1!, 3, 2));
    await ada.caller.scorecards.saveRating({ ...rating(card.id, q2empathy!, null, 0), notAssessed: true });

    const submit = () =>
      callerFor(ada.userId).scorecards.submit({ scorecardId: card.id, recommendation: "YES", summary: "Good." });
    const results = await Promise.allSettled([submit(), submit()]);
    const fulfilled = results.filter((r) => r.status === "fulfilled").map((r) => r.value.submittedAt.getTime());
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    expect(new Set(fulfilled).size).toBe(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as TRPCError).code).toBe("CONFLICT");
    expect(await db().auditEvent.count({ where: { entityId: card.id, action: "scorecard.submitted" } })).toBe(1);

    const stored = await db().scorecard.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored).toMatchObject({ status: "SUBMITTED", recommendation: "YES", summary: "Good." });
    expect(stored.submittedAt?.getTime()).toBe(fulfilled[0]);
    // Submitting again later: same answer, still one submission; different content must be an amendment.
    expect((await submit()).submittedAt.getTime()).toBe(fulfilled[0]);
    expect(
      await codeOf(ada.caller.scorecards.submit({ scorecardId: card.id, recommendation: "NO", summary: "Changed my mind." })),
    ).toBe("CONFLICT");
    expect(await db().auditEvent.count({ where: { entityId: card.id, action: "scorecard.submitted" } })).toBe(1);
  });
});

describe("amendments", () => {
  it("need a reason, write only what changed, and are audited and listed with before and after", async () => {
    const f = await createPanelInterview();
    const [ada, ben] = f.panelists;
    const draftCard = await ben.caller.scorecards.mine({ interviewId: f.interviewId });
    expect(
      await codeOf(ben.caller.scorecards.amend({ scorecardId: draftCard.id, reason: "Too early to amend this.", summary: "x" })),
    ).toBe("CONFLICT");

    const { card } = await rateAndSubmit(ada.caller, f.interviewId, 3);
    const [q1, q2ethics] = cellsOf(card);
    const short = await failure(ada.caller.scorecards.amend({ scorecardId: card.id, reason: "typo", summary: "Better." }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toContain("reason");
    expect(
      await codeOf(ada.caller.scorecards.amend({ scorecardId: card.id, reason: "Nothing really changed here." })),
    ).toBe("BAD_REQUEST");
    // A required rating can't be cleared by amendment.
    expect(
      await codeOf(
        ada.caller.scorecards.amend({
          scorecardId: card.id,
          reason: "Clearing a rating I should not have given.",
          ratings: [{ itemId: q1!.itemId, competencyId: q1!.competencyId, score: null, notAssessed: false }],
        }),
      ),
    ).toBe("BAD_REQUEST");
    // Nobody else amends it.
    expect(
      await codeOf(ben.caller.scorecards.amend({ scorecardId: card.id, reason: "I think Ada meant NO.", recommendation: "NO" })),
    ).toBe("NOT_FOUND");

    const { amendedAt } = await ada.caller.scorecards.amend({
      scorecardId: card.id,
      reason: "Misread my notes on the ethics question.",
      ratings: [
        { itemId: q2ethics!.itemId, competencyId: q2ethics!.competencyId, score: 2, notAssessed: false },
        // Unchanged: not part of the amendment.
        { itemId: q1!.itemId, competencyId: q1!.competencyId, score: 3, notAssessed: false },
      ],
      notes: [{ itemId: q2ethics!.itemId, body: "Did not mention consultation." }],
      recommendation: "NO",
    });
    expect(amendedAt).toBeInstanceOf(Date);

    const amendments = await db().scorecardAmendment.findMany({ where: { scorecardId: card.id } });
    expect(amendments).toHaveLength(1);
    expect(amendments[0]!.actorId).toBe(ada.userId);
    expect(amendments[0]).toMatchObject({
      reason: "Misread my notes on the ethics question.",
      before: {
        recommendation: "YES",
        ratings: [{ itemId: q2ethics!.itemId, competencyId: q2ethics!.competencyId, score: 3, notAssessed: false }],
        notes: [{ itemId: q2ethics!.itemId, body: "" }],
      },
      after: {
        recommendation: "NO",
        ratings: [{ itemId: q2ethics!.itemId, competencyId: q2ethics!.competencyId, score: 2, notAssessed: false }],
        notes: [{ itemId: q2ethics!.itemId, body: "Did not mention consultation." }],
      },
    });
    expect(amendments[0]!.before).not.toHaveProperty("summary");
    // The append-only audit log says who amended what kind of thing, never the words (they may name the candidate).
    const events = await db().auditEvent.findMany({ where: { entityId: card.id, action: "scorecard.amended" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(ada.userId);
    expect(events[0]!.data).toEqual({
      interviewId: f.interviewId,
      amendmentId: amendments[0]!.id,
      changed: ["notes", "ratings", "recommendation"],
    });
    expect(JSON.stringify(events[0]!.data)).not.toContain("consultation");

    const mine = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    expect(mine.status).toBe("SUBMITTED");
    expect(mine.recommendation).toBe("NO");
    expect(mine.items[1]!.ratings.find((r) => r.competencyId === q2ethics!.competencyId)).toMatchObject({ score: 2, version: 2 });
    expect(mine.items[0]!.ratings[0]).toMatchObject({ score: 3, version: 1 });
    expect(mine.amendments).toHaveLength(1);
    expect(mine.amendments[0]).toMatchObject({ reason: "Misread my notes on the ethics question.", actorName: ada.name });

    const managerView = await f.manager.caller.scorecards.forInterview({ interviewId: f.interviewId });
    expect(managerView.scorecards[0]!.amendments).toHaveLength(1);
    expect(managerView.scorecards[0]!.amendments[0]!.after).toMatchObject({ recommendation: "NO" });
  });
});

describe("closed interviews", () => {
  it("takes no ratings, notes, submissions or amendments once the interview is cancelled or the candidate erased", async () => {
    const f = await createPanelInterview();
    const [ada, ben] = f.panelists;
    const adaCard = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const [first] = cellsOf(adaCard);
    await ada.caller.scorecards.saveRating(rating(adaCard.id, first!, 3, 0));
    await rateAndSubmit(ben.caller, f.interviewId, 4);
    const benCard = await ben.caller.scorecards.mine({ interviewId: f.interviewId });

    await db().interview.update({ where: { id: f.interviewId }, data: { status: "CANCELLED" } });
    const save = await failure(ada.caller.scorecards.saveRating(rating(adaCard.id, first!, 4, 1)));
    expect([save.code, save.message]).toEqual(["CONFLICT", "This interview was cancelled, so its scorecards can't be changed."]);
    expect((await failure(ada.caller.scorecards.saveNote({ scorecardId: adaCard.id, itemId: first!.itemId, body: "late", baseVersion: 0 }))).code).toBe("CONFLICT");
    expect((await failure(rateAndSubmit(ada.caller, f.interviewId, 2))).code).toBe("CONFLICT");
    // What was saved before the cancellation is untouched.
    const stored = await db().rating.findMany({ where: { scorecardId: adaCard.id } });
    expect(stored.map((r) => [r.score, r.version])).toEqual([[3, 1]]);

    // A candidate whose data was erased (ratings kept as anonymous data) gets no new words about them either.
    await db().interview.update({ where: { id: f.interviewId }, data: { status: "COMPLETED" } });
    await db().candidate.updateMany({ where: { interviews: { some: { id: f.interviewId } } }, data: { anonymizedAt: new Date() } });
    const amend = await failure(ben.caller.scorecards.amend({ scorecardId: benCard.id, reason: "Second thoughts", summary: "About the person" }));
    expect([amend.code, amend.message]).toEqual(["CONFLICT", "This candidate's personal data was erased, so their scorecards can't be changed."]);
    expect((await db().scorecard.findUniqueOrThrow({ where: { id: benCard.id } })).summary).not.toBe("About the person");
  });
});

describe("live progress", () => {
  it("notifies a LISTEN subscriber when a panelist saves, over a separate database connection", async () => {
    const f = await createPanelInterview();
    const [ada] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    let otherInterview = 0;
    const unsubscribeOther = subscribeToProgress("some-other-interview", () => otherInterview++);
    const heard = new Promise<"heard">((resolve) => {
      const unsubscribe = subscribeToProgress(f.interviewId, () => {
        unsubscribe();
        resolve("heard");
      });
    });
    expect(await progressEventsReady()).toBe(true);
    await ada.caller.scorecards.saveRating(rating(card.id, cellsOf(card)[0]!, 3, 0));
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000));
    expect(await Promise.race([heard, timeout])).toBe("heard");
    unsubscribeOther();
    expect(otherInterview).toBe(0);
  });

  it("reconnects after the LISTEN connection drops, tells subscribers to look again, and keeps delivering", async () => {
    const f = await createPanelInterview();
    const [ada] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    let calls = 0;
    let onCall: (() => void) | null = null;
    const unsubscribe = subscribeToProgress(f.interviewId, () => {
      calls++;
      onCall?.();
    });
    const nextCall = () =>
      Promise.race([
        new Promise<"called">((resolve) => (onCall = () => resolve("called"))),
        new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000)),
      ]);
    try {
      expect(await progressEventsReady()).toBe(true);
      const resync = nextCall();
      const killed = await db().$queryRaw<{ killed: boolean }[]>`
        SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
        WHERE datname = current_database() AND query = 'LISTEN panelkit_progress'`;
      expect(killed.length).toBeGreaterThanOrEqual(1);
      expect(await resync).toBe("called");
      expect(await progressEventsReady()).toBe(true);
      const before = calls;
      const heard = nextCall();
      await ada.caller.scorecards.saveRating(rating(card.id, cellsOf(card)[0]!, 3, 0));
      expect(await heard).toBe("called");
      expect(calls).toBe(before + 1);
    } finally {
      unsubscribe();
    }
  });

  it("streams the current progress, then the new state after a save, through the subscription", async () => {
    const f = await createPanelInterview();
    const [ada, ben] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const stream = await ben.caller.scorecards.onProgress({ interviewId: f.interviewId });
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(first.value!.map((p) => p.state)).toEqual(["NOT_STARTED", "NOT_STARTED", "NOT_STARTED"]);

    await ada.caller.scorecards.saveRating(rating(card.id, cellsOf(card)[0]!, 3, 0));
    const next = await Promise.race([
      iterator.next(),
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000)),
    ]);
    expect(next).not.toBe("timeout");
    if (next === "timeout" || next.done) throw new Error("no progress update arrived");
    const states = next.value.map((p) => [p.userId, p.state]);
    expect(states).toContainEqual([ada.userId, "IN_PROGRESS"]);
    expect(JSON.stringify(states)).not.toContain('"score"');
    // The client going away ends the stream and its subscription.
    expect(await iterator.return?.()).toMatchObject({ done: true });
  });

  it("sends a panelist's state when it changes, and nothing for their further saves", async () => {
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists;
    const adaCard = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const cleoCard = await cleo.caller.scorecards.mine({ interviewId: f.interviewId });
    const [q1, q2] = cellsOf(adaCard);
    const stream = await ben.caller.scorecards.onProgress({ interviewId: f.interviewId });
    const iterator = stream[Symbol.asyncIterator]();
    const quietFor = (ms: number) => new Promise<"quiet">((resolve) => setTimeout(() => resolve("quiet"), ms));
    await iterator.next(); // the state now

    await ada.caller.scorecards.saveRating(rating(adaCard.id, q1!, 3, 0));
    const started = await Promise.race([iterator.next(), quietFor(5_000)]);
    if (started === "quiet" || started.done) throw new Error("no progress update arrived");
    expect(started.value.map((p) => Object.keys(p).sort())).toEqual(Array(3).fill(["name", "state", "userId"]));

    // Ada keeps working: more ratings, a note, a changed mind. Ben must not be able to tell.
    const next = iterator.next();
    await ada.caller.scorecards.saveRating(rating(adaCard.id, q2!, 2, 0));
    await ada.caller.scorecards.saveRating(rating(adaCard.id, q1!, 4, 1));
    await ada.caller.scorecards.saveNote({ scorecardId: adaCard.id, itemId: q1!.itemId, body: "Typing a lot here", baseVersion: 0 });
    expect(await Promise.race([next, quietFor(1_500)])).toBe("quiet");
    expect(JSON.stringify(await ben.caller.scorecards.progress({ interviewId: f.interviewId }))).not.toMatch(/updatedAt|savedAt|T\d\d:\d\d/);

    // A real change of state still arrives at once.
    await cleo.caller.scorecards.saveRating(rating(cleoCard.id, cellsOf(cleoCard)[0]!, 3, 0));
    const changed = await Promise.race([next, quietFor(5_000)]);
    if (changed === "quiet" || changed.done) throw new Error("no progress update arrived");
    expect(changed.value.find((p) => p.userId === cleo.userId)?.state).toBe("IN_PROGRESS");
    await iterator.return?.();
  });

  it("gives a viewer who falls behind the newest state once, not each state it missed", async () => {
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists;
    const stream = await ben.caller.scorecards.onProgress({ interviewId: f.interviewId });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next(); // the state now
    // Two changes while Ben's stream is not reading (a slow connection): neither is taken yet.
    for (const panelist of [ada, cleo]) {
      const card = await panelist.caller.scorecards.mine({ interviewId: f.interviewId });
      await panelist.caller.scorecards.saveRating(rating(card.id, cellsOf(card)[0]!, 3, 0));
    }
    const bothStarted = (states: Array<{ userId: string; state: string }>) =>
      [ada.userId, cleo.userId].every((id) => states.find((p) => p.userId === id)?.state === "IN_PROGRESS");
    await new Promise((resolve) => setTimeout(resolve, 500)); // the notifications arrive and their reads land
    const caughtUp = await iterator.next();
    if (caughtUp.done) throw new Error("the stream ended");
    expect(bothStarted(caughtUp.value)).toBe(true);
    // Nothing older follows it.
    const quiet = await Promise.race([iterator.next(), new Promise<"quiet">((resolve) => setTimeout(() => resolve("quiet"), 1_000))]);
    expect(quiet).toBe("quiet");
    await iterator.return?.();
  });

  it("gives every viewer the change from one shared read, and decides each viewer's access on it", async () => {
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    // Two streams of the same panelist and one of another: the reads are shared, the answers are each their own.
    const streams = await Promise.all([ben, ben, cleo].map((p) => p.caller.scorecards.onProgress({ interviewId: f.interviewId })));
    const iterators = streams.map((stream) => stream[Symbol.asyncIterator]());
    for (const iterator of iterators) expect((await iterator.next()).done).toBe(false);
    // Ben is taken off the panel: an interviewer off the panel may no longer watch it.
    await db().panelMember.delete({ where: { interviewId_userId: { interviewId: f.interviewId, userId: ben.userId } } });
    type Outcome = { value?: Array<{ userId: string; state: string }>; error?: unknown } | "timeout";
    const next = iterators.map((iterator) => iterator.next().then((r) => ({ value: r.value ?? undefined }), (error: unknown) => ({ error })));
    await ada.caller.scorecards.saveRating(rating(card.id, cellsOf(card)[0]!, 3, 0));
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000));
    const [benFirst, benSecond, cleoNext] = (await Promise.all(next.map((n) => Promise.race([n, timeout])))) as Outcome[];
    for (const refused of [benFirst, benSecond]) expect(refused).toMatchObject({ error: { code: "NOT_FOUND" } });
    if (cleoNext === "timeout" || !cleoNext?.value) throw new Error("no progress update arrived");
    const states = cleoNext.value.map((p) => [p.userId, p.state]);
    expect(states).toEqual(expect.arrayContaining([[ada.userId, "IN_PROGRESS"], [cleo.userId, "NOT_STARTED"]]));
    expect(states.map(([userId]) => userId)).not.toContain(ben.userId);
    await iterators[2]!.return?.();
  });

});
