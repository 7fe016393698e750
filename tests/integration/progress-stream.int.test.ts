// Live progress over real HTTP: the app's tRPC endpoint (serveTrpc, without Next.js) answers
// GET /api/trpc/scorecards.onProgress with tRPC's SSE wire format, written by progress-stream.ts: "connected",
// the state now, the state after a change, and the procedure's own refusals as "serialized-error".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/server/auth/auth-options";
import { serveTrpc } from "@/server/http/trpc-handler";
import { stopProgressEvents } from "@/server/realtime/progress-events";
import { unique } from "./factories";
import { cellsOf, createPanelInterview, rating } from "./scorecard-factories";

const SECRET = "integration-secret-0123456789abcdef0123456789";
let server: http.Server;
let base = "";

beforeAll(async () => {
  // Stubbed, not assigned: restoring an unset variable by assignment would set it to the text "undefined"
  // for every later file (they share one process).
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  server = http.createServer((req, res) => void serveTrpc(req, res, new URL(req.url ?? "/", "http://localhost")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await stopProgressEvents();
  vi.unstubAllEnvs();
});

async function cookieFor(userId: string) {
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({ token: { sub: userId }, user: { id: userId, email: null, name: null }, account: null } as never);
  return `${unique("c")}=1; next-auth.session-token=${await encode({ token: token as never, secret: SECRET })}`;
}

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
    const stream = await openStream(await cookieFor(ben.userId), f.interviewId);
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

    const stranger = await openStream(await cookieFor(f.outsider.userId), f.interviewId);
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
