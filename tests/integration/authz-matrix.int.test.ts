// The authorization matrix: every procedure of the app router, called as each of fourteen personas (signed
// out, a member of another organisation, an interviewer off the panel, a panelist who has not submitted, the
// hiring manager, HR, an admin; a hiring manager, HR member and admin each sitting on the panel before and
// after submitting; another hiring manager), must be allowed or refused exactly as authz-policy.ts declares;
// allowed reads must hold nothing the persona may not see (notes planted in hidden drafts and scorecards are
// searched for in every answer).
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { db } from "@/server/db";
import type { ProcedureAccess } from "@/server/api/trpc";
import { roleHas } from "@/server/auth/permissions";
import { forbiddenSecrets, PERSONAS, POLICY, ROLE_OF, buildWorld, procedureAt, type Outcome, type Persona, type World } from "./authz-policy";

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; meta?: { access?: ProcedureAccess } } };
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const paths = Object.keys(procedures).sort();

const DENIALS = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);

type Result = { outcome: Outcome | "INTERNAL_SERVER_ERROR"; code: string; data?: unknown };

/** Calls `path` as `caller`; a subscription is read up to its first event (or error) and then closed. */
async function call(caller: unknown, path: string, type: string, input: unknown): Promise<Result> {
  const fn = procedureAt(caller, path);
  try {
    let data = await fn(input);
    if (type === "subscription") {
      const iterator = (data as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      const first = await Promise.race([
        iterator.next(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${path}: no first event within 10 s`)), 10_000)),
      ]);
      await iterator.return?.();
      data = first.value;
    }
    return { outcome: "allow", code: "OK", data };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (DENIALS.has(error.code)) return { outcome: error.code as Outcome, code: error.code };
    if (error.code === "INTERNAL_SERVER_ERROR") return { outcome: "INTERNAL_SERVER_ERROR", code: error.code };
    // Refused by a business rule after authorization passed (BAD_REQUEST, CONFLICT…): the call was allowed.
    return { outcome: "allow", code: error.code };
  }
}

describe("authorization policy coverage", () => {
  it("finds every procedure with a declared access and a row in authz-policy.ts", () => {
    const withoutAccess = paths.filter((p) => !procedures[p]!._def.meta?.access);
    expect(withoutAccess, "procedures without meta.access (use publicProcedure, signedInProcedure or orgProcedure)").toEqual([]);
    const undeclared = paths.filter((p) => !POLICY[p]);
    expect(undeclared, "procedures missing from tests/integration/authz-policy.ts").toEqual([]);
    const stale = Object.keys(POLICY).filter((p) => !procedures[p]);
    expect(stale, "rows in authz-policy.ts for procedures that no longer exist").toEqual([]);
  });

  it("agrees with each procedure's meta.access: signed out is refused, and so is a role without the permission", () => {
    const disagreements: string[] = [];
    for (const path of paths) {
      const access = procedures[path]!._def.meta?.access;
      const expected = POLICY[path]?.expect;
      if (!access || !expected) continue;
      if (access.kind !== "public" && expected.signedOut !== "UNAUTHORIZED") disagreements.push(`${path}: signedOut`);
      if (access.kind === "org") {
        for (const [persona, role] of Object.entries(ROLE_OF) as [Persona, string][]) {
          if (!roleHas(role, access.permission) && expected[persona] !== "FORBIDDEN") {
            disagreements.push(`${path}: ${persona} (${role}) lacks ${access.permission} but is declared ${expected[persona]}`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

/**
 * ANALYZE for the tables changed by more than STALE_ROWS rows since their statistics were last taken. The
 * matrix writes as it goes (fresh records for every persona's mutation), and autovacuum refreshes statistics
 * on its own schedule: on estimates of one row per organisation for tables that had grown to hundreds, the
 * organisation-wide reads picked nested loops of nested loops (a hiring manager's insights.scopes took 0.6 s;
 * with fresh statistics all fourteen personas' calls take under half a second together).
 */
const STALE_ROWS = 100;
async function refreshPlannerStatistics() {
  const stale = await db().$queryRaw<{ name: string }[]>`
    SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables WHERE n_mod_since_analyze > ${STALE_ROWS}`;
  if (stale.length) await db().$executeRawUnsafe(`ANALYZE ${stale.map((table) => table.name).join(", ")}`);
}

describe("authorization matrix", () => {
  let world: World;
  let checked = 0;
  let leaks = 0;
  const businessRefusals: string[] = [];

  beforeAll(async () => {
    world = await buildWorld();
    // The test files before this one fill the shared database quickly; fresh planner statistics keep the
    // organisation-wide reads (insights.compare) from running on estimates made for empty tables.
    await db().$executeRawUnsafe("ANALYZE");
  }, 120_000);

  // And again as the matrix's own writes add up.
  beforeEach(refreshPlannerStatistics);

  afterAll(() => {
    console.log(`authz matrix: ${checked} procedure × persona calls checked (${Object.keys(POLICY).length} procedures × ${PERSONAS.length} personas), ${leaks} leaks found`);
    if (businessRefusals.length) console.log(`authz matrix: allowed but refused by a business rule: ${businessRefusals.join(", ")}`);
  });

  for (const path of Object.keys(POLICY).sort()) {
    it(`${path}`, async () => {
      const procedure = procedures[path];
      if (!procedure) return; // reported by the coverage test
      const policy = POLICY[path]!;
      const mismatches: string[] = [];
      const found: string[] = [];
      let succeeded = 0;
      for (const persona of PERSONAS) {
        const input = await policy.input?.(world, persona);
        const result = await call(world.callers[persona], path, procedure._def.type, input);
        checked += 1;
        await policy.after?.(world, persona);
        if (result.outcome !== policy.expect[persona]) {
          mismatches.push(`${persona}: expected ${policy.expect[persona]}, got ${result.code}`);
        }
        if (result.outcome !== "allow") continue;
        if (result.code === "OK") succeeded += 1;
        else businessRefusals.push(`${path} as ${persona} (${result.code})`);
        // A candidate's monitoring answers are in no response at all, mutations and public procedures included.
        if (JSON.stringify(result.data ?? null).includes(world.secrets.monitoring)) found.push(`${persona} sees the monitoring answers`);
        if (procedure._def.type === "mutation" || policy.noLeakCheck) continue;
        const json = JSON.stringify(result.data ?? null);
        for (const secret of forbiddenSecrets(world, persona)) {
          if (json.includes(secret)) found.push(`${persona} sees ${secret}`);
        }
      }
      leaks += found.length;
      expect(mismatches, `${path}: outcome per persona`).toEqual([]);
      expect(found, `${path}: leaks in allowed reads`).toEqual([]);
      // The input builder is valid: at least one allowed persona gets a plain success, so refusals above are
      // about who calls, never about a broken input.
      expect(succeeded, `${path}: no persona succeeded outright`).toBeGreaterThan(0);
    }, 150_000);
  }

  it("lets the panelist see their own draft note, and the hiring manager the submitted one (the leak checks can fire)", async () => {
    const mine = JSON.stringify(await world.callers.panelist.scorecards.mine({ interviewId: world.interviewId }));
    expect(mine).toContain(world.secrets.draft);
    // And the lay panelist (signed in through a scoring link) their own.
    expect(JSON.stringify(await world.callers.lay.scorecards.mine({ interviewId: world.interviewId }))).toContain(world.secrets.lay);
    const managerView = JSON.stringify(await world.callers.manager.scorecards.forInterview({ interviewId: world.interviewId }));
    expect(managerView).toContain(world.secrets.submitted);
    expect(managerView).not.toContain(world.secrets.draft);
    const hrView = JSON.stringify(await world.callers.hr.candidates.get({ id: world.candidateId }));
    expect(hrView).toContain(world.secrets.contact);
    // The planted monitoring answer is really there: the candidate's own subject-access export decrypts it.
    const subjectAccess = JSON.stringify(await world.callers.admin.privacy.exportCandidate({ candidateId: world.candidateId, subjectAccessRequest: true }));
    expect(subjectAccess).toContain(world.secrets.monitoring);
  });
});
