// A change sent from a page loaded before someone else's change (another tab, another chair): the page sends
// what it showed (`shown`), and the service, with the row locked, refuses it (CONFLICT) when that has changed
// since, instead of silently undoing what its author never saw. Without `shown` a change applies as before.
// The pipeline board's move (a stale card undid a rejection), a debrief's entry (replaced another chair's),
// a rationale correction (overwrote another chair's) and a stage's strand policy (put back old weights).
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { debriefWorld, type DebriefWorld } from "./debrief-factories";
import { unique } from "./factories";
import { failure } from "./script-factories";

const MOVED_ELSEWHERE = (name: string) => `${name} was moved or decided elsewhere since this board was loaded; reload to see where they are.`;
const ENTRY_CHANGED = "This entry was recorded or changed by another chair after you opened the page";
const RATIONALE_CHANGED = "This decision's rationale was corrected in another tab or by another chair after you opened the page";
const POLICY_CHANGED = "This stage's strand policy was changed in another tab or by someone else after you opened the page";

/** A candidate at the panel stage whom two panelists rated 1 and 4 everywhere: every cell is a disagreement. */
async function disagreedCandidate(w: DebriefWorld, name: string) {
  const candidate = await w.addCandidate(name);
  const [ada, ben] = w.panelists;
  const interviewId = await w.interviewAt(candidate.id, w.stages.panel, [ada.userId, ben.userId]);
  await w.scorecard(interviewId, ada.userId, { submitted: true, scores: w.uniform(1) });
  await w.scorecard(interviewId, ben.userId, { submitted: true, scores: w.uniform(4) });
  return candidate;
}

describe("a pipeline board loaded before a debrief's decision", () => {
  it("can't move back a candidate rejected meanwhile: the move is refused and the candidate stays rejected", async () => {
    const w = await debriefWorld();
    const top = await w.scoredCandidate(`Tara Top ${unique("t")}`, 4);
    const felix = await w.scoredCandidate(`Felix Amari ${unique("f")}`, 3);

    // The hiring manager's board, loaded while Felix was ready for debrief at the first stage.
    const board = await w.manager.caller.vacancies.pipeline({ id: w.vacancyId });
    const cardOf = (id: string) => board.columns.flatMap((c) => c.cards).find((c) => c.candidateId === id)!;
    const card = cardOf(felix.id);
    expect(card).toMatchObject({ status: "ACTIVE", stageId: w.stages.panel, waiting: { kind: "READY" } });

    // Another chair (an admin) rejects him in the debrief (ranked 2 of 2: no override).
    const { id: debriefId } = await w.admin.caller.debriefs.open({ candidateId: felix.id, stageId: w.stages.panel });
    await w.admin.caller.debriefs.decide({ debriefId, outcome: "REJECT", nextStageId: null, rationale: "Empathy was below the standard the post needs.", overrideJustification: "" });
    const decided = await db().candidate.findUniqueOrThrow({ where: { id: felix.id }, select: { status: true, stageId: true, decidedAt: true } });
    expect(decided.status).toBe("REJECTED");

    // The board, still showing him active at the first stage, moves him on.
    const refused = await failure(
      w.manager.caller.vacancies.moveCandidate({ candidateId: felix.id, stageId: w.stages.task, shown: { stageId: card.stageId, status: card.status } }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(MOVED_ELSEWHERE(felix.name));
    expect(await db().candidate.findUniqueOrThrow({ where: { id: felix.id }, select: { status: true, stageId: true, decidedAt: true } })).toEqual(decided);
    expect((await db().decision.findUniqueOrThrow({ where: { debriefId } })).outcome).toBe("REJECT");
    expect(await db().auditEvent.count({ where: { action: "candidate.stage_moved", entityId: felix.id } })).toBe(0);

    // From a board that shows the rejection, or with no `shown` at all, a move would still undo a recorded
    // decision without a record: the way back is a correction of the outcome in the debrief, with its reason.
    for (const shown of [{ stageId: w.stages.panel, status: "REJECTED" as const }, undefined]) {
      const undo = await failure(w.manager.caller.vacancies.moveCandidate({ candidateId: felix.id, stageId: w.stages.task, shown }));
      expect(undo.code).toBe("CONFLICT");
      expect(undo.message).toBe(
        `${felix.name} was rejected in the debrief at “Panel interview”, so moving them would undo that decision without a record. To change it, correct the decision's outcome in the debrief, with your reason.`,
      );
    }
    expect(await db().candidate.findUniqueOrThrow({ where: { id: felix.id }, select: { status: true, stageId: true, decidedAt: true } })).toEqual(decided);

    // A card the board shows as it is still moves; a second click from the same board changes nothing.
    const topCard = cardOf(top.id);
    const moved = await w.manager.caller.vacancies.moveCandidate({ candidateId: top.id, stageId: w.stages.task, shown: { stageId: topCard.stageId, status: topCard.status } });
    expect(moved).toMatchObject({ stageId: w.stages.task, status: "ACTIVE", moved: true });
    const again = await w.manager.caller.vacancies.moveCandidate({ candidateId: top.id, stageId: w.stages.task, shown: { stageId: topCard.stageId, status: topCard.status } });
    expect(again.moved).toBe(false);
    // A different move from that board, now out of date, is refused.
    const back = await failure(w.manager.caller.vacancies.moveCandidate({ candidateId: top.id, stageId: w.stages.panel, shown: { stageId: topCard.stageId, status: topCard.status } }));
    expect(back.message).toBe(MOVED_ELSEWHERE(top.name));
    expect((await db().candidate.findUniqueOrThrow({ where: { id: top.id } })).stageId).toBe(w.stages.task);
  });
});

describe("a debrief entry recorded from an older page", () => {
  it("does not replace the entry another chair recorded meanwhile", async () => {
    const w = await debriefWorld();
    const gina = await disagreedCandidate(w, `Gina ${unique("g")}`);
    const { id: debriefId } = await w.manager.caller.debriefs.open({ candidateId: gina.id, stageId: w.stages.panel });
    const unit = (await w.manager.caller.debriefs.get({ id: debriefId })).queue[0]!;
    expect(unit.entry).toBeNull();
    const cell = { debriefId, itemId: unit.itemId, competencyId: unit.competencyId };

    // Both chairs' pages show no entry; the admin records first.
    const theirs = { kind: "CONSENSUS" as const, rating: 3, reason: "The panel agreed the example came later in the answer." };
    await w.admin.caller.debriefs.recordEntry({ ...cell, ...theirs, shown: null });
    const refused = await failure(
      w.manager.caller.debriefs.recordEntry({ ...cell, kind: "CONSENSUS", rating: 2, reason: "Ada's note shows no example at all.", shown: null }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain(ENTRY_CHANGED);
    const stored = await db().debriefEntry.findFirstOrThrow({ where: { debriefId }, select: { kind: true, rating: true, reason: true, recordedById: true } });
    expect(stored).toEqual({ ...theirs, recordedById: w.admin.userId });

    // From the page showing the admin's entry, the manager's change goes through, and a second click too.
    const mine = { kind: "CONSENSUS" as const, rating: 2, reason: "Ada's note shows no example at all." };
    await w.manager.caller.debriefs.recordEntry({ ...cell, ...mine, shown: theirs });
    await w.manager.caller.debriefs.recordEntry({ ...cell, ...mine, shown: mine });
    // The admin's page still shows their own entry: refused.
    expect((await failure(w.admin.caller.debriefs.recordEntry({ ...cell, kind: "KEEP_MEAN", rating: null, reason: "", shown: theirs }))).code).toBe("CONFLICT");
    expect(await db().debriefEntry.findFirstOrThrow({ where: { debriefId }, select: { kind: true, rating: true, reason: true } })).toEqual(mine);
    // Without `shown`, as before.
    await w.admin.caller.debriefs.recordEntry({ ...cell, kind: "KEEP_MEAN", rating: null, reason: "" });
    expect((await db().debriefEntry.findFirstOrThrow({ where: { debriefId } })).kind).toBe("KEEP_MEAN");
  });
});

describe("a rationale corrected from an older page", () => {
  it("does not overwrite the correction another chair made meanwhile", async () => {
    const w = await debriefWorld();
    const hugo = await w.scoredCandidate(`Hugo ${unique("h")}`, 3);
    const { id: debriefId } = await w.manager.caller.debriefs.open({ candidateId: hugo.id, stageId: w.stages.panel });
    const first = "Empathy was steady; Ethics sound.";
    await w.manager.caller.debriefs.decide({ debriefId, outcome: "ADVANCE", nextStageId: w.stages.task, rationale: first, overrideJustification: "" });

    // Both chairs' correction forms were drawn from the first rationale; the manager saves first.
    const managers = "Empathy was steady throughout; Ethics sound under pressure.";
    await w.manager.caller.debriefs.correct({ debriefId, reason: "Rewording the rationale.", change: { kind: "rationale", rationale: managers, shown: first } });
    const refused = await failure(
      w.admin.caller.debriefs.correct({ debriefId, reason: "Adding the practical detail.", change: { kind: "rationale", rationale: `${first} Crisis handling good.`, shown: first } }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain(RATIONALE_CHANGED);
    expect((await db().decision.findUniqueOrThrow({ where: { debriefId } })).rationale).toBe(managers);
    expect(await db().debriefCorrection.count({ where: { debriefId } })).toBe(1);

    // From the page as it is now, the admin's correction goes through; without `shown`, as before.
    await w.admin.caller.debriefs.correct({ debriefId, reason: "Adding the practical detail.", change: { kind: "rationale", rationale: `${managers} Crisis handling good.`, shown: managers } });
    await w.manager.caller.debriefs.correct({ debriefId, reason: "Shortening it again.", change: { kind: "rationale", rationale: managers } });
    expect((await db().decision.findUniqueOrThrow({ where: { debriefId } })).rationale).toBe(managers);
    expect(await db().debriefCorrection.count({ where: { debriefId } })).toBe(3);
  });
});

describe("a stage's strand policy declared from an older page", () => {
  it("does not put back the policy another tab replaced meanwhile", async () => {
    const w = await debriefWorld();
    const stageId = w.stages.panel;
    const opened = (await w.manager.caller.strands.stage({ stageId })).policy;
    expect(opened).toEqual([]);

    // Both pages were drawn with no policy; the manager declares one first.
    const managers = [
      { strand: "STAFF" as const, mode: "WEIGHTED" as const, weight: 75 },
      { strand: "SERVICE_USER" as const, mode: "WEIGHTED" as const, weight: 25 },
      { strand: "EXTERNAL" as const, mode: "ADVISORY" as const, weight: 0 },
    ];
    await w.manager.caller.strands.declarePolicy({ stageId, strands: managers, shown: opened });
    const staffOnly = [
      { strand: "STAFF" as const, mode: "WEIGHTED" as const, weight: 100 },
      { strand: "SERVICE_USER" as const, mode: "ADVISORY" as const, weight: 0 },
      { strand: "EXTERNAL" as const, mode: "ADVISORY" as const, weight: 0 },
    ];
    const refused = await failure(w.admin.caller.strands.declarePolicy({ stageId, strands: staffOnly, shown: opened }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain(POLICY_CHANGED);
    // Clearing from the older page is refused too.
    expect((await failure(w.admin.caller.strands.declarePolicy({ stageId, strands: [], shown: opened }))).code).toBe("CONFLICT");
    const weights = async () => Object.fromEntries((await w.manager.caller.strands.stage({ stageId })).policy.map((p) => [p.strand, [p.mode, p.weight]]));
    expect(await weights()).toEqual({ STAFF: ["WEIGHTED", 75], SERVICE_USER: ["WEIGHTED", 25], EXTERNAL: ["ADVISORY", 0] });

    // From the page as it is now (the rows in any order), the admin's change goes through; without `shown`, as before.
    await w.admin.caller.strands.declarePolicy({ stageId, strands: staffOnly, shown: [...managers].reverse() });
    expect(await weights()).toEqual({ STAFF: ["WEIGHTED", 100], SERVICE_USER: ["ADVISORY", 0], EXTERNAL: ["ADVISORY", 0] });
    await w.manager.caller.strands.declarePolicy({ stageId, strands: managers });
    expect(await weights()).toEqual({ STAFF: ["WEIGHTED", 75], SERVICE_USER: ["WEIGHTED", 25], EXTERNAL: ["ADVISORY", 0] });
  });
});
