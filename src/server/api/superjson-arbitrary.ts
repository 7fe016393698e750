// For property tests: any value superjson can carry (the oracle the transformer and the browser's wire
// reader are checked against), as a fast-check arbitrary. Imported by tests only.
import fc from "fast-check";

/** superjson refuses to walk these keys (prototype-pollution guard), so it is no oracle for them; API results never use them. */
const UNWALKED_KEYS = ["__proto__", "prototype", "constructor"];

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
  const safeKey = key.filter((k) => !UNWALKED_KEYS.includes(k));
  return fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node")), fc.dictionary(safeKey, tie("node"))),
  })).node;
}
