import { describe, expect, it } from "vitest";
import { combineStrands, departsFromServiceUsers, policyProblem, preferredByStrand, strandSpread, strandsAgreeOnTop, strandsLeftOut, type StrandPolicyRow } from "./strand-math";

const policy: StrandPolicyRow[] = [
  { strand: "STAFF", mode: "WEIGHTED", weight: 75 },
  { strand: "SERVICE_USER", mode: "WEIGHTED", weight: 25 },
  { strand: "EXTERNAL", mode: "ADVISORY", weight: 0 },
];

describe("combineStrands", () => {
  it("weights each weighted strand by its percent and leaves advisory strands out", () => {
    // 0.75 × 3 + 0.25 × 2 = 2.75; the external strand's 1 never enters.
    expect(combineStrands(policy, { STAFF: 3, SERVICE_USER: 2, EXTERNAL: 1 })).toBeCloseTo(2.75, 12);
  });
  it("re-normalises over the weighted strands that have a figure", () => {
    expect(combineStrands(policy, { STAFF: 3, EXTERNAL: 1 })).toBe(3);
    expect(strandsLeftOut(policy, { STAFF: 3 })).toEqual(["SERVICE_USER"]);
    expect(combineStrands(policy, { EXTERNAL: 4 })).toBeNull();
    expect(combineStrands([], { STAFF: 3 })).toBeNull();
  });
});

describe("policyProblem", () => {
  it("accepts weights summing to 100 and names what is wrong otherwise", () => {
    expect(policyProblem(policy)).toBeNull();
    expect(policyProblem([{ strand: "STAFF", mode: "WEIGHTED", weight: 70 }, { strand: "SERVICE_USER", mode: "WEIGHTED", weight: 25 }])).toBe("sum");
    expect(policyProblem([{ strand: "STAFF", mode: "ADVISORY", weight: 0 }])).toBe("noWeighted");
    expect(policyProblem([{ strand: "STAFF", mode: "WEIGHTED", weight: 100 }, { strand: "EXTERNAL", mode: "WEIGHTED", weight: 0 }])).toBe("weightRange");
    expect(policyProblem([{ strand: "STAFF", mode: "WEIGHTED", weight: 50 }, { strand: "STAFF", mode: "WEIGHTED", weight: 50 }])).toBe("duplicate");
  });
});

describe("agreement", () => {
  it("gives the spread between strands and whether they prefer the same candidate", () => {
    expect(strandSpread({ STAFF: 3.5, SERVICE_USER: 2 })).toBe(1.5);
    expect(strandSpread({ STAFF: 3.5 })).toBeNull();
    const preferred = preferredByStrand([
      { candidateId: "a", scores: { STAFF: 3.5, SERVICE_USER: 2 } },
      { candidateId: "b", scores: { STAFF: 3, SERVICE_USER: 3.5 } },
    ]);
    expect(preferred).toEqual({ STAFF: ["a"], SERVICE_USER: ["b"] });
    expect(strandsAgreeOnTop(preferred)).toBe(false);
    expect(strandsAgreeOnTop({ STAFF: ["a"], SERVICE_USER: ["a"] })).toBe(true);
  });
});

describe("departsFromServiceUsers", () => {
  const a = { candidateId: "a", serviceUserScore: 3.5 };
  const b = { candidateId: "b", serviceUserScore: 2 };
  it("appointing the lower candidate after the service users' choice was turned down departs", () => {
    expect(departsFromServiceUsers({ ...b, favourable: true }, [{ ...a, favourable: false }])).toBe(true);
  });
  it("turning down the service users' choice after a lower candidate was favoured departs", () => {
    expect(departsFromServiceUsers({ ...a, favourable: false }, [{ ...b, favourable: true }])).toBe(true);
  });
  it("favouring both, or following the service users, does not", () => {
    expect(departsFromServiceUsers({ ...b, favourable: true }, [{ ...a, favourable: true }])).toBe(false);
    expect(departsFromServiceUsers({ ...a, favourable: true }, [{ ...b, favourable: false }])).toBe(false);
    expect(departsFromServiceUsers({ ...b, favourable: true }, [])).toBe(false);
    expect(departsFromServiceUsers({ candidateId: "c", serviceUserScore: null, favourable: true }, [{ candidateId: "d", serviceUserScore: null, favourable: false }])).toBe(false);
  });
});
