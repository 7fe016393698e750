// For property tests: any value superjson can carry (the oracle the transformer and the browser's wire
// reader are checked against), as a fast-check arbitrary. Imported by tests only.
import fc from "fast-check";
import { SUPERJSON_UNWALKED_KEYS } from "@/lib/plain-json";

/** Trees of strings, numbers, booleans, null, undefined, Dates and BigInts in arrays and objects keyed by `key`. */
export function superjsonValue(key: fc.Arbitrary<string> = fc.string()): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.bigInt(),
  );
  // superjson is no oracle for the keys it refuses to walk; API results never use them.
  const safeKey = key.filter((k) => !SUPERJSON_UNWALKED_KEYS.has(k));
  return fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node")), fc.dictionary(safeKey, tie("node"))),
  })).node;
}
