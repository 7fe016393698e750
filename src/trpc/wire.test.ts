import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { superjsonValue } from "@/server/api/superjson-arbitrary";
import { transformer } from "@/server/api/transformer";
import { decodeFromWire, encodeForWire } from "./wire";

/** What the browser receives: the server transformer's output, through JSON. */
const overTheWire = (value: unknown) => JSON.parse(JSON.stringify(transformer.output.serialize(value))) as unknown;

describe("the browser's superjson reader", () => {
  it("gives back what superjson would, for any value superjson can carry", async () => {
    const tree = superjsonValue(fc.oneof(fc.string(), fc.constantFrom("a.b", "0", "x\\y", "")));
    await fc.assert(
      fc.asyncProperty(tree, async (value) => {
        const sent = overTheWire(value);
        expect(await decodeFromWire(structuredClone(sent))).toEqual(superjson.deserialize(sent as never));
      }),
      { numRuns: 400 },
    );
  });

  it("reads live panel progress, Dates included, without changing what it was given", async () => {
    const when = new Date("2026-11-02T10:00:00Z");
    const progress = [
      { userId: "u1", name: "Sam", state: "IN_PROGRESS", updatedAt: when },
      { userId: "u2", name: "Jordan", state: "NOT_STARTED", updatedAt: null },
    ];
    const sent = overTheWire(progress);
    const before = JSON.stringify(sent);
    const read = await decodeFromWire<typeof progress>(sent);
    expect(read).toEqual(progress);
    expect(read[0]!.updatedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(sent)).toBe(before);
  });

  it("writes inputs as tRPC's client does with superjson", async () => {
    for (const input of [{ interviewId: "abc" }, { since: new Date(0), missing: undefined }, "x", [1, 2]]) {
      expect(await encodeForWire(input)).toEqual(superjson.serialize(input));
    }
  });
});
