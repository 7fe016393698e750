import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { superjsonValue } from "./superjson-arbitrary";
import { isPlainJson, transformer } from "./transformer";

const roundTrip = (value: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(transformer.output.serialize(value))));

describe("the tRPC transformer", () => {
  it("gives clients what superjson would, for any value superjson can carry", () => {
    const tree = superjsonValue();
    fc.assert(
      fc.property(tree, (value) => {
        expect(roundTrip(value)).toEqual(superjson.deserialize(superjson.serialize(value)));
      }),
      { numRuns: 500 },
    );
    // 500 random trees take about a second alone; a machine busy building the app can take several times that.
  }, 30_000);

  it("keeps dates, undefined and -0 as superjson does", () => {
    const when = new Date("2026-11-02T10:00:00Z");
    const value = { when, missing: undefined, zero: -0, list: [1, when] };
    const back = roundTrip(value) as typeof value;
    expect(back.when).toBeInstanceOf(Date);
    expect(back.when.getTime()).toBe(when.getTime());
    expect("missing" in back).toBe(true);
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(back.list[1]).toBeInstanceOf(Date);
  });

  it("sends plain JSON untouched, and anything else through superjson", () => {
    const plain = { rows: [{ id: "a", sums: [1, 2], mean: null, ok: true }] };
    expect(transformer.output.serialize(plain)).toEqual({ json: plain });
    expect(isPlainJson({ at: new Date() })).toBe(false);
    expect(isPlainJson([1, , 3])).toBe(false);
    expect(isPlainJson(new Map())).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isPlainJson(cyclic)).toBe(false);
  });
});
