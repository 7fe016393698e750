// Scoring under the load of a busy assessment day, through the tRPC caller as the app calls it, on a real
// Postgres: 100 panelists (ten panels of ten, one interview each, all on one 21-cell script) saving at
// once, two clients racing on the same cells, and every panelist double-submitting at the same moment.
// scorecards.int.test.ts covers the same rules on one scorecard; this file checks they hold at scale.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { stopProgressEvents } from "@/server/realtime/progress-events";
import { callerFor, unique } from "./factories";
import { cellsOf, createPanelInterview, rating, type MyScorecard } from "./scorecard-factories";

const PANELS = 10;
const PANEL_SIZE = 10;
const CELLS_PER_PANELIST = 20;
// Thousands of queries through the app's pool of 10 connections, on a machine shared with other test runs.
const LOAD_TIMEOUT_MS = 180_000;

type Panelist = { userId: string; card: MyScorecard };
const panelists: Panelist[] = [];
const tally = { saves: 0, lost: 0 };

/** The score panelist `p` gives cell `c` in the first round: varied, so a value written to the wrong cell shows. */
const firstScore = (p: number, c: number) => ((p + c) % 4) + 1;
const caller = (p: Panelist) => callerFor(p.userId);

beforeAll(async () => {
  // One organisation and its published 7-question × 3-competency script, then ten interviews on it with ten
  // new interviewers each.
  const f = await createPanelInterview({ wideScript: true });
  const { scriptVersionId, candidateId } = await db().interview.findUniqueOrThrow({
    where: { id: f.interviewId },
    select: { scriptVersionId: true, candidateId: true },
  });
  const users = Array.from({ length: PANELS * PANEL_SIZE }, (_, i) => ({
    email: `${unique(`panelist-${i}`)}@test.example`,
    name: `Load Panelist ${String(i).padStart(3, "0")}`,
  }));
  const created = await db().user.createManyAndReturn({ data: users, select: { id: true } });
  await db().membership.createMany({ data: created.map((u) => ({ orgId: f.org.id, userId: u.id, role: "INTERVIEWER" as const })) });
  for (let panel = 0; panel < PANELS; panel++) {
    const members = created.slice(panel * PANEL_SIZE, (panel + 1) * PANEL_SIZE);
    await db().interview.create({
      data: {
        orgId: f.org.id,
        candidateId,
        scriptVersionId,
        scheduledAt: new Date(Date.UTC(2026, 11, 2, 8 + panel)),
        panel: { create: members.map((m) => ({ userId: m.id })) },
      },
    });
  }
  const seats = await db().panelMember.findMany({
    where: { userId: { in: created.map((u) => u.id) } },
    select: { userId: true, interviewId: true },
  });
  // Opening the scoring screen creates each draft; all at once, as at the start of the day.
  const cards = await Promise.all(seats.map((s) => callerFor(s.userId).scorecards.mine({ interviewId: s.interviewId })));
  seats.forEach((s, i) => panelists.push({ userId: s.userId, card: cards[i]! }));
}, LOAD_TIMEOUT_MS);

afterAll(async () => {
  await stopProgressEvents();
  // One line each for the README's reliability figures.
  console.log(`concurrent saves: ${tally.saves}, ratings lost: ${tally.lost}`);
});

describe("100 panelists scoring at once", () => {
  it("stores every one of 2,000 simultaneous ratings exactly once, with its own value", { timeout: LOAD_TIMEOUT_MS }, async () => {
    expect(panelists).toHaveLength(PANELS * PANEL_SIZE);
    for (const p of panelists) {
      expect(p.card.status).toBe("DRAFT");
      expect(p.card.version).toBe(1);
      expect(cellsOf(p.card).length).toBeGreaterThan(CELLS_PER_PANELIST);
    }

    const saves = panelists.flatMap((p, pi) =>
      cellsOf(p.card)
        .slice(0, CELLS_PER_PANELIST)
        .map((cell, ci) => ({ p, pi, cell, score: firstScore(pi, ci) })),
    );
    const results = await Promise.all(
      saves.map(({ p, cell, score }) =>
        caller(p).scorecards.saveRating(rating(p.card.id, cell, score, 0)),
      ),
    );
    tally.saves += saves.length;
    const saved = results.filter((r) => r.status === "saved");
    expect(saved).toHaveLength(saves.length);
    expect(saved.every((r) => r.version === 1)).toBe(true);

    const stored = await db().rating.findMany({
      where: { scorecardId: { in: panelists.map((p) => p.card.id) } },
      select: { scorecardId: true, itemId: true, competencyId: true, score: true, version: true },
    });
    const byCell = new Map(stored.map((r) => [`${r.scorecardId}/${r.itemId}/${r.competencyId}`, r]));
    const lost = saves.filter(({ p, cell, score }) => {
      const row = byCell.get(`${p.card.id}/${cell.itemId}/${cell.competencyId}`);
      return !row || row.score !== score || row.version !== 1;
    });
    tally.lost += lost.length;
    expect(lost).toEqual([]);
    expect(stored).toHaveLength(saves.length);

    // Each save bumped its scorecard exactly once: per panelist, versions 2..21 with none alike.
    const versionsByCard = new Map<string, number[]>();
    results.forEach((r, i) => {
      if (r.status !== "saved") return;
      const id = saves[i]!.p.card.id;
      versionsByCard.set(id, [...(versionsByCard.get(id) ?? []), r.scorecardVersion]);
    });
    const expectedVersions = Array.from({ length: CELLS_PER_PANELIST }, (_, i) => i + 2);
    for (const versions of versionsByCard.values()) expect(versions.sort((a, b) => a - b)).toEqual(expectedVersions);
    const cards = await db().scorecard.findMany({
      where: { id: { in: panelists.map((p) => p.card.id) } },
      select: { version: true, status: true },
    });
    expect(cards.every((c) => c.version === CELLS_PER_PANELIST + 1 && c.status === "DRAFT")).toBe(true);
  });

  it("lets exactly one of two clients saving the same cell win, and shows the other the winner's value", { timeout: LOAD_TIMEOUT_MS }, async () => {
    // Per panelist, two races at once: on a rated cell (both clients loaded version 1) and on the cell nobody
    // rated yet (both start from nothing). 400 saves, all fired together.
    const races = panelists.flatMap((p) => {
      const cells = cellsOf(p.card);
      return [
        { p, cell: cells[0]!, baseVersion: 1, scores: [1, 4] },
        { p, cell: cells[CELLS_PER_PANELIST]!, baseVersion: 0, scores: [2, 3] },
      ];
    });
    const outcomes = await Promise.all(
      races.map(({ p, cell, baseVersion, scores }) =>
        Promise.all(
          scores.map((score) =>
            // Two clients: separate callers, each with its own request context.
            caller(p).scorecards.saveRating(rating(p.card.id, cell, score, baseVersion)),
          ),
        ),
      ),
    );
    tally.saves += races.length * 2;

    for (const [i, { p, cell, baseVersion, scores }] of races.entries()) {
      const pair = outcomes[i]!;
      const winners = pair.flatMap((r, j) => (r.status === "saved" ? [{ result: r, score: scores[j]! }] : []));
      const losers = pair.flatMap((r) => (r.status === "conflict" ? [r] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      const winner = winners[0]!;
      expect(winner.result).toMatchObject({ version: baseVersion + 1 });
      // The loser is told what the server holds now: the winner's value, so nothing is overwritten unseen.
      expect(losers[0]!.server).toEqual({ score: winner.score, notAssessed: false, version: baseVersion + 1 });
      const row = await db().rating.findUniqueOrThrow({
        where: { scorecardId_itemId_competencyId: { scorecardId: p.card.id, itemId: cell.itemId, competencyId: cell.competencyId } },
        select: { score: true, version: true },
      });
      if (row.score !== winner.score || row.version !== baseVersion + 1) tally.lost += 1;
      expect(row).toEqual({ score: winner.score, version: baseVersion + 1 });
    }
    // Two more writes per scorecard than before, and no more.
    const cards = await db().scorecard.findMany({ where: { id: { in: panelists.map((p) => p.card.id) } }, select: { version: true } });
    expect(cards.every((c) => c.version === CELLS_PER_PANELIST + 3)).toBe(true);
  });

  it("submits each of 100 scorecards once when every panelist double-submits at the same moment", { timeout: LOAD_TIMEOUT_MS }, async () => {
    const submit = (p: Panelist) =>
      caller(p).scorecards.submit({ scorecardId: p.card.id, recommendation: "YES", summary: "Specific, safe, reflective." });
    const settled = await Promise.all(panelists.map((p) => Promise.allSettled([submit(p), submit(p)])));

    const ids = panelists.map((p) => p.card.id);
    for (const pair of settled) {
      const fulfilled = pair.flatMap((r) => (r.status === "fulfilled" ? [r.value.submittedAt.getTime()] : []));
      expect(fulfilled.length).toBeGreaterThanOrEqual(1);
      // The second click answers with the first one's submission, or a clear conflict, never a second one.
      expect(new Set(fulfilled).size).toBe(1);
      for (const r of pair) {
        if (r.status === "rejected") {
          expect(r.reason).toBeInstanceOf(TRPCError);
          expect((r.reason as TRPCError).code).toBe("CONFLICT");
          expect((r.reason as TRPCError).message).toMatch(/already submitted|submitted/);
        }
      }
    }
    const cards = await db().scorecard.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, submittedAt: true } });
    expect(cards.filter((c) => c.status === "SUBMITTED" && c.submittedAt)).toHaveLength(ids.length);
    const events = await db().auditEvent.groupBy({
      by: ["entityId"],
      where: { entityId: { in: ids }, action: "scorecard.submitted" },
      _count: { _all: true },
    });
    expect(events).toHaveLength(ids.length);
    expect(events.every((e) => e._count._all === 1)).toBe(true);

    // Submission kept every acknowledged rating: 21 cells per scorecard, nothing dropped or duplicated.
    const ratingCount = await db().rating.count({ where: { scorecardId: { in: ids } } });
    expect(ratingCount).toBe(ids.length * (CELLS_PER_PANELIST + 1));
  });
});
