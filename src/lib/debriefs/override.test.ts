import { describe, expect, it } from "vitest";
import { overrideReason, overridesByOutcome } from "./override";

const dana = (rank: number | null, rankedOf = 4) => ({ name: "Dana Reed", rank, rankedOf });

describe("overrideReason", () => {
  it("rejecting the rank-1 candidate is an override, even with nobody decided yet", () => {
    expect(overrideReason(dana(1), "REJECT", [])).toBe("Dana Reed is ranked 1 of 4: rejecting the top scorer is an override; write why.");
  });

  it("rejecting a candidate tied for rank 1 is an override too", () => {
    expect(overrideReason(dana(1, 3), "REJECT", [{ name: "Ann Lee", rank: 1, outcome: "APPOINT" }])).toMatch(/ranked 1 of 3/);
  });

  it("a worse-ranked candidate at a higher level than a better-ranked one already decided is an override", () => {
    const reason = overrideReason(dana(3), "APPOINT", [{ name: "Ann Lee", rank: 1, outcome: "RESERVE" }]);
    expect(reason).toBe(
      "Ann Lee (ranked 1) was put on the reserve list: appointing Dana Reed (ranked 3 of 4) puts a lower-ranked candidate above a higher-ranked one, which is an override; write why.",
    );
  });

  it("a better-ranked candidate at a lower level than a worse-ranked one already decided is an override", () => {
    const reason = overrideReason(dana(2), "REJECT", [{ name: "Ben Ng", rank: 3, outcome: "ADVANCE" }]);
    expect(reason).toBe(
      "Ben Ng (ranked 3) was advanced: rejecting Dana Reed (ranked 2 of 4) puts a higher-ranked candidate below a lower-ranked one, which is an override; write why.",
    );
  });

  it("following the order is no override: better-ranked higher or equal, worse-ranked lower or equal", () => {
    const decided = [
      { name: "Ann Lee", rank: 1, outcome: "APPOINT" as const },
      { name: "Ben Ng", rank: 3, outcome: "REJECT" as const },
      { name: "Cleo Park", rank: 4, outcome: "RESERVE" as const },
    ];
    expect(overrideReason(dana(2), "RESERVE", decided)).toBeNull();
    expect(overrideReason(dana(2), "APPOINT", [decided[0]!, decided[1]!])).toBeNull();
  });

  it("advancing and appointing are the same level: appointing below an advanced candidate is no override", () => {
    expect(overrideReason(dana(2), "APPOINT", [{ name: "Ann Lee", rank: 1, outcome: "ADVANCE" }])).toBeNull();
    expect(overrideReason(dana(2), "ADVANCE", [{ name: "Ann Lee", rank: 1, outcome: "APPOINT" }])).toBeNull();
  });

  it("a tie is never an inversion", () => {
    expect(overrideReason(dana(2), "APPOINT", [{ name: "Ann Lee", rank: 2, outcome: "REJECT" }])).toBeNull();
  });

  it("a candidate without a score, or decided ones without one, are outside the order", () => {
    expect(overrideReason(dana(null), "REJECT", [{ name: "Ann Lee", rank: 3, outcome: "APPOINT" }])).toBeNull();
    expect(overrideReason(dana(2), "REJECT", [{ name: "Ann Lee", rank: null, outcome: "APPOINT" }])).toBeNull();
  });

  it("names the closest inversion when there are several", () => {
    const reason = overrideReason(dana(4, 5), "APPOINT", [
      { name: "Ann Lee", rank: 1, outcome: "REJECT" },
      { name: "Ben Ng", rank: 3, outcome: "RESERVE" },
    ]);
    expect(reason).toMatch(/^Ben Ng \(ranked 3\) was put on the reserve list/);
  });

  it("tells the form which outcomes would be overrides", () => {
    expect(overridesByOutcome(dana(1), [])).toEqual({
      ADVANCE: null,
      APPOINT: null,
      RESERVE: null,
      REJECT: { kind: "rejectTop", name: "Dana Reed", rankedOf: 4 },
    });
  });
});
