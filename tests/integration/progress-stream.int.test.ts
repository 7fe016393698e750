// Live progress over real HTTP: the app's tRPC endpoint (serveTrpc, without Next.js) answers
// GET /api/trpc/scorecards.onProgress with tRPC's SSE wire format, written by progress-stream.ts: "connected",
// the state now, the state after a change, and the procedure's own refusals as "serialized-error".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopProgressEvents } from "@/server/realtime/progress-events";
import { cellsOf, createPanelInterview, rating } from "./scorecard-factories";
import { sessionCookieFor, startTrpcServer } from "./trpc-http-server";

let stopServer: () => Promise<void>;
let base = "";

beforeAll(async () => {
  ({ base, stop: stopServer } = await startTrpcServer());
});

afterAll(async () => {
  await stopServer();
  await stopProgressEvents();
});


type Event = { event: string | null; data: string };

/** Opens the stream and hands out its events one at a time. */
async function openStream(cookie: string, interviewId: string) {
  const abort = new AbortController();
  const url = `${base}/api/trpc/scorecards.onProgress?input=${encodeURIComponent(JSON.stringify({ json: { interviewId } }))}`;
  const response = await fetch(url, { headers: { cookie }, signal: abort.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const next = async (): Promise<Event> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split("\n");
        return {
          event: lines.find((l) => l.startsWith("event: "))?.slice(7) ?? null,
          data: lines.find((l) => l.startsWith("data: "))?.slice(6) ?? "",
        };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += value;
    }
  };
  return { response, next, close: () => abort.abort() };
}

describe("live progress over HTTP", () => {
  it("sends tRPC's events: connected, the state now, the new state after a save; a stranger's stream is refused", async () => {
    const f = await createPanelInterview();
    const [ada, ben] = f.panelists;
    const card = await ada.caller.scorecards.mine({ interviewId: f.interviewId });
    const stream = await openStream(await sessionCookieFor(ben.userId), f.interviewId);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
      expect(await stream.next()).toEqual({ event: "connected", data: "{}" });
      const now = await stream.next();
      expect(now.event).toBeNull();
      const first = (JSON.parse(now.data) as { json: Array<{ state: string }> }).json;
      expect(first.map((p) => p.state)).toEqual(["NOT_STARTED", "NOT_STARTED", "NOT_STARTED"]);

      await ada.caller.scorecards.saveRating(rating(card.id, cellsOf(card)[0]!, 3, 0));
      const changed = (JSON.parse((await stream.next()).data) as { json: Array<{ userId: string; state: string }> }).json;
      expect(changed.find((p) => p.userId === ada.userId)?.state).toBe("IN_PROGRESS");
    } finally {
      stream.close();
    }

    const stranger = await openStream(await sessionCookieFor(f.outsider.userId), f.interviewId);
    try {
      expect(await stranger.next()).toEqual({ event: "connected", data: "{}" });
      const refused = await stranger.next();
      expect(refused.event).toBe("serialized-error");
      expect(JSON.parse(refused.data)).toMatchObject({ json: { data: { code: "NOT_FOUND" } } });
    } finally {
      stranger.close();
    }
  });
});
