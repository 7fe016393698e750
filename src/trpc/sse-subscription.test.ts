// subscribeOverSSE against the real thing: a tRPC server (our transformer, our SSE settings) produces the
// event stream, and @trpc/client's httpSubscriptionLink reads the same stream. Both must ask for the same
// URL and come away with the same values and the same errors; a tRPC upgrade that changes the protocol
// fails here.
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import { initTRPC, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { transformer } from "@/server/api/transformer";
import { subscribeOverSSE, type SubscriptionError } from "./sse-subscription";

const WHEN = new Date("2026-11-02T10:00:00Z");

const t = initTRPC.create({ transformer, sse: { ping: { enabled: false } } });
const router = t.router({
  progress: t.procedure
    .input(z.object({ interviewId: z.string(), since: z.date().optional() }))
    .subscription(async function* ({ input }) {
      yield [{ userId: "u1", name: "Sam", state: "NOT_STARTED", updatedAt: null }];
      yield [{ userId: "u1", name: "Sam", state: "IN_PROGRESS", updatedAt: WHEN, since: input.since ?? null }];
      if (input.interviewId === "gone") throw new TRPCError({ code: "NOT_FOUND", message: "Interview not found" });
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "database unavailable" });
    }),
});

/** Enough of EventSource for both readers: fetches the URL from the tRPC handler and replays its events. */
class ReplayingEventSource {
  static urls: string[] = [];
  readonly CLOSED = 2;
  readyState = 0;
  closed = false;
  private listeners = new Map<string, Array<(event: { data: string; lastEventId: string }) => void>>();

  constructor(readonly url: string) {
    ReplayingEventSource.urls.push(url);
    setTimeout(() => void this.replay(), 0);
  }

  addEventListener(type: string, listener: (event: { data: string; lastEventId: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
    this.readyState = 2;
  }

  private async replay() {
    const response = await fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(`http://localhost${this.url}`), router });
    this.readyState = 1;
    const text = await response.text();
    for (const block of text.split("\n\n")) {
      let type = "message";
      let data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event: ")) type = line.slice(7);
        else if (line.startsWith("data: ")) data = line.slice(6);
      }
      if (!block.trim() || this.closed) continue;
      for (const listener of this.listeners.get(type) ?? []) listener({ data, lastEventId: "" });
      await new Promise((r) => setTimeout(r, 1));
    }
  }
}

type Seen = { started: number; data: unknown[]; errors: string[]; connecting: number };
const settle = () => new Promise((r) => setTimeout(r, 150));

async function readWithTRPC(input: { interviewId: string; since?: Date }): Promise<Seen> {
  const client = createTRPCClient<typeof router>({
    links: [httpSubscriptionLink({ url: "/api/trpc", transformer: superjson, EventSource: ReplayingEventSource as unknown as typeof EventSource })],
  });
  const seen: Seen = { started: 0, data: [], errors: [], connecting: 0 };
  const sub = client.progress.subscribe(input, {
    onStarted: () => seen.started++,
    onData: (data) => seen.data.push(data),
    onError: (error) => seen.errors.push(error.message),
    onConnectionStateChange: (state) => {
      if (state.state === "connecting" && state.error) seen.connecting++;
    },
  });
  await settle();
  sub.unsubscribe();
  return seen;
}

async function readWithOurs(input: { interviewId: string; since?: Date }): Promise<Seen & { closedByItself: boolean; codes: Array<string | null> }> {
  let source = null as ReplayingEventSource | null;
  const seen: Seen & { codes: Array<string | null> } = { started: 0, data: [], errors: [], connecting: 0, codes: [] };
  const stop = subscribeOverSSE<unknown>(
    "progress",
    input,
    {
      onStarted: () => seen.started++,
      onData: (data) => seen.data.push(data),
      onError: (error: SubscriptionError) => {
        seen.errors.push(error.message);
        seen.codes.push(error.code);
      },
      onConnecting: (error) => {
        if (error) seen.connecting++;
      },
    },
    { eventSource: (url) => (source = new ReplayingEventSource(url)) },
  );
  // The source is made once the subscription's module has loaded, which a busy machine can delay past one settle.
  for (let waited = 0; source === null && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  await settle();
  const closedByItself = source!.closed;
  stop();
  return { ...seen, closedByItself };
}

describe("subscribeOverSSE", () => {
  it("asks for the URL httpSubscriptionLink asks for, plain and with a Date in the input", async () => {
    for (const input of [{ interviewId: "iv 1/ä" }, { interviewId: "iv-2", since: WHEN }]) {
      ReplayingEventSource.urls = [];
      await readWithTRPC(input);
      await readWithOurs(input);
      expect(ReplayingEventSource.urls).toHaveLength(2);
      expect(ReplayingEventSource.urls[1]).toBe(ReplayingEventSource.urls[0]);
    }
  });

  it("delivers the same values, Dates included, and keeps the connection after a server error", async () => {
    const input = { interviewId: "iv-1", since: WHEN };
    const theirs = await readWithTRPC(input);
    const ours = await readWithOurs(input);
    expect(ours.data).toEqual(theirs.data);
    expect(ours.data).toHaveLength(2);
    const second = ours.data[1] as Array<{ updatedAt: Date; since: Date }>;
    expect(second[0]!.updatedAt).toBeInstanceOf(Date);
    expect(second[0]!.updatedAt.getTime()).toBe(WHEN.getTime());
    expect(second[0]!.since.getTime()).toBe(WHEN.getTime());
    expect(ours.started).toBe(1);
    expect(theirs.started).toBe(1);
    // INTERNAL_SERVER_ERROR is retryable: connecting again, not a final error.
    expect(theirs.errors).toEqual([]);
    expect(ours.errors).toEqual([]);
    expect(theirs.connecting).toBe(1);
    expect(ours.connecting).toBe(1);
    expect(ours.closedByItself).toBe(false);
  });

  it("ends for good on an error that is not worth retrying, with the server's message", async () => {
    const theirs = await readWithTRPC({ interviewId: "gone" });
    const ours = await readWithOurs({ interviewId: "gone" });
    expect(theirs.errors).toEqual(["Interview not found"]);
    expect(ours.errors).toEqual(["Interview not found"]);
    expect(ours.codes).toEqual(["NOT_FOUND"]);
    expect(ours.data).toEqual(theirs.data);
    expect(ours.closedByItself).toBe(true);
  });
});
