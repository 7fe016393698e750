// The audit log as admins read it: newest first, filtered, paged by cursor, never another organisation's
// rows; and no way to change or remove an event, neither through the API nor in the database.
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { db } from "@/server/db";
import { callerFor, createOrganization, vacancyFor } from "./factories";
import { codeOf, failure } from "./script-factories";

async function orgWithHistory() {
  const { org, members } = await createOrganization(["ADMIN", "HR", "HIRING_MANAGER", "INTERVIEWER"]);
  const admin = callerFor(members.ADMIN.userId);
  const hr = callerFor(members.HR.userId);
  const { vacancyId } = await vacancyFor(org.id, { title: "Nurse" });
  const ids: string[] = [];
  for (const name of ["Ana", "Bo", "Cy"]) ids.push((await hr.candidates.create({ name, vacancyId })).id);
  await hr.candidates.update({ id: ids[0]!, status: "REJECTED" });
  await admin.privacy.updateSettings({ retentionDays: 90, keepAnonymousRatings: false });
  await hr.privacy.erase({ candidateId: ids[1]! });
  return { org, members, admin, hr, candidateIds: ids };
}

describe("audit log", () => {
  it("lists the organisation's events newest first with who did what, and pages by cursor without gaps or repeats", async () => {
    const f = await orgWithHistory();
    const other = await createOrganization(["HR"]);
    const elsewhere = await vacancyFor(other.org.id, { title: "Nurse" });
    await callerFor(other.members.HR.userId).candidates.create({ name: "Elsewhere", vacancyId: elsewhere.vacancyId });

    const all = await f.admin.audit.list({ limit: 200 });
    expect(all.events.map((e) => e.action)).toEqual([
      "candidate.erased",
      "org.privacy_settings_changed",
      "candidate.status_changed",
      "candidate.created",
      "candidate.created",
      "candidate.created",
    ]);
    expect(all.nextCursor).toBeNull();
    expect(all.events[0]).toMatchObject({ entityType: "Candidate", entityId: f.candidateIds[1], actor: { id: f.members.HR.userId } });
    expect(JSON.parse(all.events[0]!.data)).toMatchObject({ mode: "deleted" });
    expect(JSON.stringify(all)).not.toContain("Elsewhere");

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof f.admin.audit.list>> = await f.admin.audit.list({ limit: 4, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(all.events.map((e) => e.id));
  });

  it("filters by action, actor, entity type and date range", async () => {
    const f = await orgWithHistory();
    const list = (filters: Parameters<typeof f.admin.audit.list>[0]["filters"]) =>
      f.admin.audit.list({ filters, limit: 50 }).then((r) => r.events.map((e) => e.action));

    expect(await list({ action: "candidate.erased" })).toEqual(["candidate.erased"]);
    expect(await list({ actorId: f.members.ADMIN.userId })).toEqual(["org.privacy_settings_changed"]);
    expect(await list({ entityType: "Organization" })).toEqual(["org.privacy_settings_changed"]);
    expect(await list({ entityType: "Candidate", actorId: f.members.HR.userId })).toHaveLength(5);
    expect(await list({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await list({ from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) })).toHaveLength(6);
    // Actions are one typed list (audit-actions.ts): a misspelt one fails typecheck, and is refused if sent anyway.
    // @ts-expect-error "no.such.action" is not an audit action
    expect(await codeOf(f.admin.audit.list({ filters: { action: "no.such.action" }, limit: 50 }))).toBe("BAD_REQUEST");

    const options = await f.admin.audit.filterOptions();
    expect(options.actions).toEqual(["candidate.created", "candidate.erased", "candidate.status_changed", "org.privacy_settings_changed"]);
    expect(options.entityTypes).toEqual(["Candidate", "Organization"]);
    expect(options.actors.map((a) => a.id)).toContain(f.members.HR.userId);

    const backwards = await failure(f.admin.audit.list({ filters: { from: new Date("2027-01-02"), to: new Date("2027-01-01") }, limit: 10 }));
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(backwards.message).toMatch(/start date must be before/);
    const badCursor = await failure(f.admin.audit.list({ cursor: "abc", limit: 10 }));
    expect(badCursor.code).toBe("BAD_REQUEST");
  });

  it("is for admins only", async () => {
    const f = await orgWithHistory();
    for (const role of ["HR", "HIRING_MANAGER", "INTERVIEWER"] as const) {
      expect(await codeOf(callerFor(f.members[role].userId).audit.list({ limit: 10 }))).toBe("FORBIDDEN");
      expect(await codeOf(callerFor(f.members[role].userId).audit.filterOptions())).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerFor(null).audit.list({ limit: 10 }))).toBe("UNAUTHORIZED");
  });

  it("has no path that changes or removes an event: the router only reads, and the database refuses writes", async () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const auditProcedures = Object.entries(procedures).filter(([path]) => path.startsWith("audit."));
    expect(auditProcedures.map(([path]) => path).sort()).toEqual(["audit.filterOptions", "audit.list"]);
    expect(auditProcedures.every(([, p]) => p._def.type === "query")).toBe(true);

    const f = await orgWithHistory();
    const event = await db().auditEvent.findFirstOrThrow({ where: { orgId: f.org.id, action: "candidate.erased" } });
    await expect(db().auditEvent.update({ where: { id: event.id }, data: { data: {} } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`UPDATE "AuditEvent" SET "actorId" = NULL WHERE id = ${event.id}`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM "AuditEvent" WHERE "orgId" = ${f.org.id}`).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});
