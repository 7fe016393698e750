// Two chairs at once: exactly one decision stands and the other is told which; two openings make one
// debrief; two decisions on different candidates at one stage run one after the other, so the override
// rule sees the first when it judges the second.
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { debriefWorld } from "./debrief-factories";

const RATIONALE = "Empathy and Ethics both met the bar.";

function settled<T>(results: PromiseSettledResult<T>[]) {
  const fulfilled = results.filter((r): r is PromiseFulfilledResult<T> => r.status === "fulfilled");
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);
  return { fulfilled, rejected };
}

describe("concurrent decisions", () => {
  it("opening twice at once makes one debrief", async () => {
    const w = await debriefWorld();
    const dana = await w.scoredCandidate("Dana Reed", 3);
    const input = { candidateId: dana.id, stageId: w.stages.panel };
    const [a, b] = await Promise.all([w.manager.caller.debriefs.open(input), w.admin.caller.debriefs.open(input)]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db().debrief.count({ where: { candidateId: dana.id } })).toBe(1);
  });

  it("two chairs deciding at once: one decision stands, the other gets a CONFLICT naming it", async () => {
    const w = await debriefWorld();
    const dana = await w.scoredCandidate("Dana Reed", 3);
    const { id } = await w.manager.caller.debriefs.open({ candidateId: dana.id, stageId: w.stages.panel });
    const base = { debriefId: id, nextStageId: null, rationale: RATIONALE, overrideJustification: "" };
    const results = await Promise.allSettled([
      w.manager.caller.debriefs.decide({ ...base, outcome: "APPOINT" }),
      w.admin.caller.debriefs.decide({ ...base, outcome: "RESERVE" }),
    ]);
    const { fulfilled, rejected } = settled(results);
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);

    const decisions = await db().decision.findMany({ where: { debriefId: id } });
    expect(decisions).toHaveLength(1);
    const winner = decisions[0]!.outcome;
    const error = rejected[0];
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).message).toContain(`was already recorded by`);
    expect((error as TRPCError).message).toContain(winner === "APPOINT" ? ": Appoint." : ": Reserve list.");
    // The candidate moved once, as the decision that stands says.
    expect((await db().candidate.findUniqueOrThrow({ where: { id: dana.id } })).status).toBe(winner === "APPOINT" ? "HIRED" : "RESERVE");
    expect(await db().auditEvent.count({ where: { action: "debrief.decided", entityId: id } })).toBe(1);
  });

  it("two decisions at one stage run in turn: the second is judged against the first", async () => {
    const w = await debriefWorld();
    const ann = await w.scoredCandidate("Ann Lee", 4); // ranked 1
    const ben = await w.scoredCandidate("Ben Ng", 3); // ranked 2
    const annDebrief = await w.manager.caller.debriefs.open({ candidateId: ann.id, stageId: w.stages.panel });
    const benDebrief = await w.manager.caller.debriefs.open({ candidateId: ben.id, stageId: w.stages.panel });
    const base = { nextStageId: null, rationale: RATIONALE, overrideJustification: "" };
    // Alone, each follows the order; together, whichever comes second inverts it (Ann on the reserve list,
    // Ben appointed), so it needs a justification it was not given.
    const results = await Promise.allSettled([
      w.manager.caller.debriefs.decide({ ...base, debriefId: annDebrief.id, outcome: "RESERVE" }),
      w.admin.caller.debriefs.decide({ ...base, debriefId: benDebrief.id, outcome: "APPOINT" }),
    ]);
    const { fulfilled, rejected } = settled(results);
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as TRPCError).code).toBe("BAD_REQUEST");
    expect((rejected[0] as TRPCError).message).toMatch(/is an override; write why\.$|which is an override; write why\.$/);
    expect(await db().decision.count({ where: { debriefId: { in: [annDebrief.id, benDebrief.id] } } })).toBe(1);
  });
});
