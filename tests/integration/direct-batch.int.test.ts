// The scoring screen's autosave over real HTTP (direct-batch.ts): the app's endpoint answers a batch of
// saveRating and saveNote calls without tRPC's fetch adapter, and every answer a panelist's client can get
// (saved, conflict, a refused input, a stranger, no session) must be byte for byte what tRPC's own adapter
// answers. Each request goes to both, each on a panel interview of its own in the same state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directBatch } from "@/server/http/direct-batch";
import { serveTrpc } from "@/server/http/trpc-handler";
import { stopProgressEvents } from "@/server/realtime/progress-events";
import { cellsOf, createPanelInterview, rating } from "./scorecard-factories";
import { sessionCookieFor, startTrpcServer } from "./trpc-http-server";

const servers: Record<"app" | "adapter", { base: string; stop: () => Promise<void> }> = {} as never;

beforeAll(async () => {
  servers.app = await startTrpcServer();
  // The same endpoint with every request through tRPC's Node adapter, as before direct-batch.ts.
  servers.adapter = await startTrpcServer((req, res, url) => serveTrpc(req, res, url, { direct: false }));
});

afterAll(async () => {
  await servers.app.stop();
  await servers.adapter.stop();
  await stopProgressEvents();
});

type Answer = { status: number; vary: string | null; type: string | null; body: unknown };

/** POSTs a batch as httpBatchLink does: the procedures joined by commas, each input superjson-wrapped by index. */
async function post(base: string, procedures: string[], inputs: unknown[], cookie: string | null): Promise<Answer> {
  const body = Object.fromEntries(inputs.map((input, index) => [String(index), { json: input }]));
  const response = await fetch(`${base}/api/trpc/${procedures.join(",")}?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, vary: response.headers.get("vary"), type: response.headers.get("content-type"), body: await response.json() };
}

type Panel = Awaited<ReturnType<typeof createPanelInterview>>;

/** Runs `steps` on a fresh panel interview against each server and returns each server's answers. */
async function onBoth(steps: (panel: Panel, send: (procedures: string[], inputs: unknown[], cookie: string | null) => Promise<Answer>) => Promise<void>) {
  const answers: Record<"app" | "adapter", Answer[]> = { app: [], adapter: [] };
  for (const server of ["app", "adapter"] as const) {
    const panel = await createPanelInterview();
    await steps(panel, async (procedures, inputs, cookie) => {
      const answer = await post(servers[server].base, procedures, inputs, cookie);
      answers[server].push(answer);
      return answer;
    });
  }
  return answers;
}

/**
 * The calls of one batch run side by side on both paths, so which of two saves bumped the scorecard first (its
 * `scorecardVersion`, 3 or 4) is a race either way: each batch's versions are handed out again in call order,
 * so two answers compare equal when they hold the same versions, whichever call won.
 */
function inBatchOrder(answers: Answer[]): Answer[] {
  type Result = { result?: { data?: { json?: { scorecardVersion?: number } } } };
  return answers.map((answer) => {
    if (!Array.isArray(answer.body)) return answer;
    const results = answer.body as Result[];
    const versions = results.flatMap((r) => (r.result?.data?.json?.scorecardVersion === undefined ? [] : [r.result.data.json.scorecardVersion])).sort((a, b) => a - b);
    const body = results.map((r) => (r.result?.data?.json?.scorecardVersion === undefined ? r : { ...r, result: { ...r.result, data: { ...r.result.data, json: { ...r.result.data.json, scorecardVersion: versions.shift() } } } }));
    return { ...answer, body };
  });
}

describe("the scoring screen's autosave over HTTP", () => {
  it("answers saves, conflicts, batches and refusals exactly as tRPC's adapter does", async () => {
    const answers = await onBoth(async (panel, send) => {
      const [ada] = panel.panelists;
      const card = await ada.caller.scorecards.mine({ interviewId: panel.interviewId });
      const [first, second] = cellsOf(card);
      const cookie = await sessionCookieFor(ada.userId);
      // Saved, then the same cell from a stale version (a second tab): a conflict with the server's value.
      await send(["scorecards.saveRating"], [rating(card.id, first!, 3, 0)], cookie);
      await send(["scorecards.saveRating"], [rating(card.id, first!, 4, 0)], cookie);
      // A rating and a note in one batch, as two quick edits are sent together.
      await send(["scorecards.saveRating", "scorecards.saveNote"], [rating(card.id, second!, 2, 0), { scorecardId: card.id, itemId: second!.itemId, body: "Named the policy", baseVersion: 0 }], cookie);
      // A score off the scale, a batch with one good and one bad call, a panelist of another panel, no session.
      await send(["scorecards.saveRating"], [rating(card.id, first!, 9, 1)], cookie);
      await send(["scorecards.saveRating", "scorecards.saveRating"], [rating(card.id, first!, 4, 1), rating(card.id, second!, 0, 1)], cookie);
      await send(["scorecards.saveRating"], [rating(card.id, second!, 3, 1)], await sessionCookieFor(panel.outsider.userId));
      await send(["scorecards.saveRating"], [rating(card.id, second!, 3, 1)], null);
    });
    expect(answers.app.map((a) => a.status)).toEqual([200, 200, 200, 400, 207, 404, 401]);
    expect(answers.app[0]!.body).toMatchObject([{ result: { data: { json: { status: "saved", version: 1 } } } }]);
    expect(answers.app[1]!.body).toMatchObject([{ result: { data: { json: { status: "conflict", server: { score: 3 } } } } }]);
    expect(answers.app[4]!.body).toMatchObject([{ result: { data: { json: { status: "saved", version: 2 } } } }, { error: { json: { data: { code: "BAD_REQUEST", field: "score" } } } }]);
    expect(inBatchOrder(answers.app)).toEqual(inBatchOrder(answers.adapter));
  });

  it("takes the autosave's batches only, and leaves every other request to tRPC's adapter", async () => {
    const json = { "content-type": "application/json" };
    const save = JSON.stringify({ 0: { json: { scorecardId: "x" } } });
    const params = new URLSearchParams("batch=1");
    expect(directBatch("POST", json, params, "scorecards.saveRating", save)).toMatchObject({ paths: ["scorecards.saveRating"] });
    expect(directBatch("POST", { "content-type": "Application/JSON; charset=utf-8" }, params, "scorecards.saveNote", save)).not.toBeNull();
    // Another procedure in the batch, no batch, a body tRPC must refuse, another media type, a missing input.
    expect(directBatch("POST", json, params, "scorecards.saveRating,scorecards.mine", JSON.stringify({ 0: {}, 1: {} }))).toBeNull();
    expect(directBatch("POST", json, new URLSearchParams(), "scorecards.saveRating", JSON.stringify({ json: {} }))).toBeNull();
    expect(directBatch("POST", json, params, "scorecards.saveRating", "{not json")).toBeNull();
    expect(directBatch("POST", { "content-type": "text/plain" }, params, "scorecards.saveRating", save)).toBeNull();
    expect(directBatch("POST", json, params, "scorecards.saveRating,scorecards.saveNote", save)).toBeNull();

    // A batch with another mutation still works, through the adapter: the save is kept, the early submit refused.
    const panel = await createPanelInterview();
    const [ada] = panel.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: panel.interviewId });
    const mixed = await post(
      servers.app.base,
      ["scorecards.saveRating", "scorecards.submit"],
      [rating(card.id, cellsOf(card)[0]!, 3, 0), { scorecardId: card.id, recommendation: "YES", summary: "Strong on empathy." }],
      await sessionCookieFor(ada.userId),
    );
    expect(mixed.status).toBe(207);
    expect(mixed.body).toMatchObject([{ result: { data: { json: { status: "saved" } } } }, { error: { json: { data: { code: "BAD_REQUEST" } } } }]);
  });
});
