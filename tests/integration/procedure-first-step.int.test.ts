// Every procedure's first step (trpc.ts `base`): text PostgreSQL cannot store is refused, a failure reaches
// the caller as the worded error of its kind, and /api/metrics counts each call under the outcome the caller
// got. Over the real HTTP endpoint, on the autosave's path (direct-batch.ts) and on tRPC's adapter, with the
// panelist's own session; the counts are read from the process's registry, as /api/metrics reads them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { metrics } from "@/server/metrics/registry";
import { stopProgressEvents } from "@/server/realtime/progress-events";
import { cellsOf, createPanelInterview, rating } from "./scorecard-factories";
import { sessionCookieFor, startTrpcServer } from "./trpc-http-server";

let server: { base: string; stop: () => Promise<void> };

beforeAll(async () => {
  server = await startTrpcServer();
});

afterAll(async () => {
  await server.stop();
  await stopProgressEvents();
});

type ErrorJson = { message: string; data: { code: string; field: string | null } };
type Answer = { status: number; body: Array<{ result?: { data: { json: { status: string } } }; error?: { json: ErrorJson } }> };

async function post(procedure: string, input: unknown, cookie: string | null): Promise<Answer> {
  const response = await fetch(`${server.base}/api/trpc/${procedure}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ 0: { json: input } }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** The registry's counts now: rating saves and procedure calls, by outcome. */
async function counts() {
  const { ratingSaves, procedureSeconds } = metrics();
  const saves = new Map((await ratingSaves.get()).values.map((v) => [String(v.labels.outcome), v.value]));
  const calls = new Map(
    (await procedureSeconds.get()).values
      .filter((v) => v.metricName === "panelkit_trpc_procedure_duration_seconds_count")
      .map((v) => [`${v.labels.procedure} ${v.labels.type} ${v.labels.outcome}`, v.value]),
  );
  return { saves, calls };
}

/** How much each count grew between two readings (counts that did not move are left out). */
function grown(before: Map<string, number>, after: Map<string, number>) {
  return Object.fromEntries([...after].map(([key, value]) => [key, value - (before.get(key) ?? 0)]).filter(([, by]) => by !== 0));
}

describe("every procedure's first step", () => {
  it("counts each rating save under the outcome the panelist got: saved and conflict ok, refusals by their code", async () => {
    const panel = await createPanelInterview();
    const [ada] = panel.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: panel.interviewId });
    const [first] = cellsOf(card);
    const cookie = await sessionCookieFor(ada.userId);
    const before = await counts();

    expect((await post("scorecards.saveRating", rating(card.id, first!, 3, 0), cookie)).body[0]!.result?.data.json.status).toBe("saved");
    // A second tab's stale copy: answered, not refused.
    expect((await post("scorecards.saveRating", rating(card.id, first!, 4, 0), cookie)).body[0]!.result?.data.json.status).toBe("conflict");
    const offScale = await post("scorecards.saveRating", rating(card.id, first!, 9, 1), cookie);
    expect(offScale.status).toBe(400);
    expect(offScale.body[0]!.error?.json.data).toMatchObject({ code: "BAD_REQUEST", field: "score" });
    // Another panel's panelist, and nobody signed in.
    expect((await post("scorecards.saveRating", rating(card.id, first!, 2, 1), await sessionCookieFor(panel.outsider.userId))).status).toBe(404);
    expect((await post("scorecards.saveRating", rating(card.id, first!, 2, 1), null)).status).toBe(401);

    const after = await counts();
    expect(grown(before.saves, after.saves)).toEqual({ ok: 2, BAD_REQUEST: 1, NOT_FOUND: 1, UNAUTHORIZED: 1 });
    expect(grown(before.calls, after.calls)).toEqual({
      "scorecards.saveRating mutation ok": 2,
      "scorecards.saveRating mutation BAD_REQUEST": 1,
      "scorecards.saveRating mutation NOT_FOUND": 1,
      "scorecards.saveRating mutation UNAUTHORIZED": 1,
    });
    // The stored cell is the first save's: nothing refused reached it.
    const stored = await db().rating.findMany({ where: { scorecardId: card.id }, select: { score: true, version: true } });
    expect(stored).toEqual([{ score: 3, version: 1 }]);
  });

  it("refuses a note holding a NUL character before it reaches the database, in the panelist's language, and counts it", async () => {
    const panel = await createPanelInterview();
    const [ada] = panel.panelists;
    await db().user.update({ where: { id: ada.userId }, data: { locale: "es" } });
    const card = await ada.caller.scorecards.mine({ interviewId: panel.interviewId });
    const [first] = cellsOf(card);
    const cookie = await sessionCookieFor(ada.userId);
    const before = await counts();

    const refused = await post("scorecards.saveNote", { scorecardId: card.id, itemId: first!.itemId, body: "Named\u0000 the policy", baseVersion: 0 }, cookie);
    expect(refused.status).toBe(400);
    expect(refused.body[0]!.error?.json.data).toMatchObject({ code: "BAD_REQUEST", field: "body" });
    expect(refused.body[0]!.error?.json.message).toBe("body: contiene un carácter NUL (\\0), que no se puede guardar");
    // The same refusal through tRPC's adapter (a query is not the autosave's path): a question search with a NUL.
    const search = await fetch(`${server.base}/api/trpc/banks.searchQuestions?input=${encodeURIComponent(JSON.stringify({ json: { query: "a\u0000" } }))}`, { headers: { cookie } });
    expect(search.status).toBe(400);
    expect(((await search.json()) as { error: { json: ErrorJson } }).error.json.data.code).toBe("BAD_REQUEST");

    const after = await counts();
    expect(grown(before.calls, after.calls)).toEqual({ "scorecards.saveNote mutation BAD_REQUEST": 1, "banks.searchQuestions query BAD_REQUEST": 1 });
    expect(await db().scorecardNote.count({ where: { scorecardId: card.id } })).toBe(0);
  });
});
