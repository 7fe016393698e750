// Vacancies end to end through the real routers: creating and changing them (their managers only), the
// interview plan editor's save (published versions only, stages in use kept, reorder, two tabs), the
// pipeline board's columns, counts and "waiting on" words on hand-built data, moving candidates between
// stages, and another organisation's vacancy answering NOT_FOUND.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Db } from "@/server/db";
import { getVacancyPipeline } from "@/server/services/vacancies/get-vacancy-pipeline";
import { callerFor, createCandidateRecord, createOrganization, createUser, unique } from "./factories";
import { codeOf, createScriptWithContent, failure } from "./script-factories";

type Caller = ReturnType<typeof callerFor>;

async function addMember(orgId: string, name: string, role: "INTERVIEWER" | "HIRING_MANAGER" | "HR" | "ADMIN") {
  const user = await createUser(name);
  await db().membership.create({ data: { orgId, userId: user.id, role } });
  return { userId: user.id, name, caller: callerFor(user.id) };
}

/** The database client, counting the calls a service makes on it (raw queries and model operations). */
function countingDb() {
  let calls = 0;
  const counted = (fn: (...a: unknown[]) => unknown, self: unknown) => (...args: unknown[]) => {
    calls += 1;
    return fn.apply(self, args);
  };
  const real = db();
  const proxy = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === "$queryRaw") return counted(value as (...a: unknown[]) => unknown, target);
      if (typeof prop === "string" && !prop.startsWith("$") && value && typeof value === "object") {
        // A model (db.vacancy): each of its operations counts.
        return new Proxy(value, {
          get(model, op) {
            const fn = Reflect.get(model, op) as unknown;
            return typeof fn === "function" ? counted(fn as (...a: unknown[]) => unknown, model) : fn;
          },
        });
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Db;
  return { db: proxy, calls: () => calls };
}

async function publishedVersion(caller: Caller) {
  const script = await createScriptWithContent(caller);
  const published = await caller.scripts.publish({ id: script.id, baseUpdatedAt: script.saved.updatedAt });
  return { scriptId: script.id, versionId: published.versionId, competencies: script.competencies };
}

let org: { id: string };
let admin: { userId: string; caller: Caller };
let manager: { userId: string; name: string; caller: Caller };
let otherManager: { userId: string; caller: Caller };
let hr: { userId: string; caller: Caller };
let interviewer: { userId: string; caller: Caller };
let panel: Array<{ userId: string; name: string }>;
let stranger: Caller;
let version: Awaited<ReturnType<typeof publishedVersion>>;
let draftVersionId: string;
let archivedVersionId: string;

beforeAll(async () => {
  const created = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"]);
  org = created.org;
  admin = { userId: created.members.ADMIN.userId, caller: callerFor(created.members.ADMIN.userId) };
  const managerName = (await db().user.findUniqueOrThrow({ where: { id: created.members.HIRING_MANAGER.userId } })).name;
  manager = { userId: created.members.HIRING_MANAGER.userId, name: managerName, caller: callerFor(created.members.HIRING_MANAGER.userId) };
  hr = { userId: created.members.HR.userId, caller: callerFor(created.members.HR.userId) };
  interviewer = { userId: created.members.INTERVIEWER.userId, caller: callerFor(created.members.INTERVIEWER.userId) };
  otherManager = await addMember(org.id, "Olive Other-Manager", "HIRING_MANAGER");
  panel = [
    await addMember(org.id, `Ada Panel ${unique("a")}`, "INTERVIEWER"),
    await addMember(org.id, `Ben Panel ${unique("b")}`, "INTERVIEWER"),
    await addMember(org.id, `Cleo Panel ${unique("c")}`, "INTERVIEWER"),
  ];
  const other = await createOrganization(["ADMIN"]);
  stranger = callerFor(other.members.ADMIN.userId);

  version = await publishedVersion(manager.caller);
  const draftScript = await manager.caller.scripts.create({ title: unique("Draft script"), role: "Crisis Worker" });
  draftVersionId = (await db().scriptVersion.findFirstOrThrow({ where: { scriptId: draftScript.id } })).id;
  const archived = await publishedVersion(manager.caller);
  await manager.caller.scripts.archive({ id: archived.scriptId });
  archivedVersionId = archived.versionId;
});

async function newVacancy(caller: Caller = manager.caller, fields: Partial<Parameters<Caller["vacancies"]["create"]>[0]> = {}) {
  const { id } = await caller.vacancies.create({ title: unique("Crisis Worker"), ...fields });
  return id;
}

/** A plan stage as the editor sends it. */
const stage = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  scriptVersionId: version.versionId as string | null,
  counts: true,
  weights: null as Array<{ competencyId: string; weight: number }> | null,
  panelUserIds: [] as string[],
  ...overrides,
});

async function savePlan(vacancyId: string, stages: Array<ReturnType<typeof stage> & { id?: string }>, caller = manager.caller) {
  const plan = await caller.vacancies.plan({ id: vacancyId });
  return caller.vacancies.savePlan({ id: vacancyId, baseUpdatedAt: plan.updatedAt, stages });
}

describe("vacancies: create, read and change", () => {
  it("makes the hiring manager who creates a vacancy its manager, and lists it with its details and counts", async () => {
    const title = unique("Night Support Worker");
    const id = await newVacancy(manager.caller, {
      title,
      department: " Crisis line ",
      location: "Leeds",
      posts: 2,
      opensOn: "2026-12-01",
      closesOn: "2026-12-31",
    });
    const page = await manager.caller.vacancies.get({ id });
    expect(page).toMatchObject({
      title,
      department: "Crisis line",
      location: "Leeds",
      posts: 2,
      status: "OPEN",
      opensOn: "2026-12-01",
      closesOn: "2026-12-31",
      managers: [{ userId: manager.userId, name: manager.name }],
      canEdit: true,
      stages: [],
    });
    await createCandidateRecord(org.id, { name: "Counted Active", vacancyId: id, stageId: null });
    await createCandidateRecord(org.id, { name: "Counted Withdrawn", vacancyId: id, stageId: null, status: "WITHDRAWN" });
    const list = await hr.caller.vacancies.list({});
    const row = list.vacancies.find((v) => v.id === id)!;
    expect(row.counts).toMatchObject({ total: 2, ACTIVE: 1, WITHDRAWN: 0 + 1, HIRED: 0 });
    expect(row.managers.map((m) => m.name)).toEqual([manager.name]);
    expect(row.canEdit).toBe(false);
    expect((await hr.caller.vacancies.list({ status: "CLOSED" })).vacancies.some((v) => v.id === id)).toBe(false);
    const audit = await db().auditEvent.findFirst({ where: { action: "vacancy.created", entityId: id } });
    expect(audit?.actorId).toBe(manager.userId);
  });

  it("lets an admin choose the managers among hiring managers and admins only", async () => {
    const id = await newVacancy(admin.caller, { managerIds: [otherManager.userId] });
    expect((await admin.caller.vacancies.get({ id })).managers.map((m) => m.userId)).toEqual([otherManager.userId]);
    const refused = await failure(admin.caller.vacancies.create({ title: unique("Vacancy"), managerIds: [interviewer.userId] }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/managers must be hiring managers or admins/);
  });

  it("refuses bad fields with messages that name them", async () => {
    const posts = await failure(manager.caller.vacancies.create({ title: unique("Vacancy"), posts: 0 }));
    expect(posts.code).toBe("BAD_REQUEST");
    expect(posts.message).toContain("A vacancy has at least 1 post");
    const dates = await failure(manager.caller.vacancies.create({ title: unique("Vacancy"), opensOn: "2026-12-10", closesOn: "2026-12-01" }));
    expect(dates.message).toContain("The closing date must be on or after the opening date");
    const blank = await failure(manager.caller.vacancies.create({ title: "   " }));
    expect(blank.message).toContain("Enter the vacancy's title");

    const id = await newVacancy(manager.caller, { opensOn: "2026-12-10" });
    // Only the closing date is sent: it is checked against the stored opening date.
    const against = await failure(manager.caller.vacancies.update({ id, closesOn: "2026-12-09" }));
    expect(against.code).toBe("BAD_REQUEST");
    expect(against.message).toBe("The closing date must be on or after the opening date");
    const updated = await manager.caller.vacancies.update({ id, title: "Renamed vacancy", posts: 3, status: "ON_HOLD", closesOn: "2026-12-20" });
    expect(updated).toMatchObject({ title: "Renamed vacancy", posts: 3, status: "ON_HOLD", opensOn: "2026-12-10", closesOn: "2026-12-20" });
  });

  it("lets only the vacancy's managers and admins change it", async () => {
    const id = await newVacancy();
    expect(await codeOf(otherManager.caller.vacancies.update({ id, title: "Taken over" }))).toBe("FORBIDDEN");
    expect(await codeOf(otherManager.caller.vacancies.setManagers({ id, userIds: [otherManager.userId] }))).toBe("FORBIDDEN");
    expect(await codeOf(hr.caller.vacancies.update({ id, title: "HR edit" }))).toBe("FORBIDDEN");
    expect(await codeOf(interviewer.caller.vacancies.list({}))).toBe("FORBIDDEN");
    expect((await otherManager.caller.vacancies.get({ id })).canEdit).toBe(false);
    expect(await codeOf(admin.caller.vacancies.update({ id, location: "Hull" }))).toBe("OK");

    const empty = await failure(manager.caller.vacancies.setManagers({ id, userIds: [] }));
    expect(empty.message).toContain("A vacancy needs at least one manager");
    await manager.caller.vacancies.setManagers({ id, userIds: [manager.userId, otherManager.userId] });
    expect(await codeOf(otherManager.caller.vacancies.update({ id, title: "Shared now" }))).toBe("OK");
    expect((await db().auditEvent.count({ where: { action: "vacancy.managers_changed", entityId: id } }))).toBe(1);
  });

  it("answers NOT_FOUND for another organisation's vacancy, to read or to change", async () => {
    const id = await newVacancy();
    for (const call of [
      () => stranger.vacancies.get({ id }),
      () => stranger.vacancies.plan({ id }),
      () => stranger.vacancies.pipeline({ id }),
      () => stranger.vacancies.update({ id, title: "Mine now" }),
      () => stranger.vacancies.setManagers({ id, userIds: [manager.userId] }),
      () => stranger.vacancies.savePlan({ id, baseUpdatedAt: new Date(), stages: [] }),
    ]) {
      expect(await codeOf(call())).toBe("NOT_FOUND");
    }
    expect((await stranger.vacancies.list({})).vacancies.some((v) => v.id === id)).toBe(false);
  });
});

describe("vacancies: the interview plan", () => {
  it("saves ordered stages with their script, weights and panel, storing the script's own weights as none", async () => {
    const id = await newVacancy();
    const unplaced = await createCandidateRecord(org.id, { name: "Applied early", vacancyId: id, stageId: null });
    const c = version.competencies;
    const saved = await savePlan(id, [
      stage("Screening call", { counts: false, panelUserIds: [panel[0]!.userId] }),
      stage("Panel interview", {
        weights: [
          { competencyId: c.empathy!, weight: 2 },
          { competencyId: c.ethics!, weight: 1 },
          { competencyId: c["crisis-handling"]!, weight: 0 },
        ],
        panelUserIds: [panel[1]!.userId, panel[2]!.userId],
      }),
      // The script's own weights (50/30/20): kept as "use the script's weights".
      stage("Practical task", {
        weights: [
          { competencyId: c.empathy!, weight: 50 },
          { competencyId: c.ethics!, weight: 30 },
          { competencyId: c["crisis-handling"]!, weight: 20 },
        ],
      }),
    ]);
    expect(saved.changed).toBe(true);
    expect(saved.stages.map((s) => [s.position, s.name, s.counts])).toEqual([
      [1, "Screening call", false],
      [2, "Panel interview", true],
      [3, "Practical task", true],
    ]);
    expect(saved.stages[1]!.weights).toEqual(
      [
        { competencyId: c.empathy!, weight: 2 },
        { competencyId: c.ethics!, weight: 1 },
        { competencyId: c["crisis-handling"]!, weight: 0 },
      ].sort((a, b) => a.competencyId.localeCompare(b.competencyId)),
    );
    expect(saved.stages[2]!.weights).toBeNull();
    expect(saved.stages[1]!.panel.map((p) => p.userId).sort()).toEqual([panel[1]!.userId, panel[2]!.userId].sort());
    expect(saved.scriptVersions.find((v) => v.versionId === version.versionId)?.weights.map((w) => w.weight)).toEqual([50, 30, 20]);
    // The candidate who applied before there was a plan is now at its first stage.
    expect((await db().candidate.findUniqueOrThrow({ where: { id: unplaced.id } })).stageId).toBe(saved.stages[0]!.id);
  });

  it("refuses a draft or archived script version, and weights on competencies the script does not target", async () => {
    const id = await newVacancy();
    const draft = await failure(savePlan(id, [stage("Interview", { scriptVersionId: draftVersionId })]));
    expect(draft.code).toBe("BAD_REQUEST");
    expect(draft.message).toMatch(/Stage 1 \(“Interview”\): version 1 of “.*” is a draft\. Publish it, or choose a published version\./);
    const archived = await failure(savePlan(id, [stage("Interview", { scriptVersionId: archivedVersionId })]));
    expect(archived.message).toMatch(/is archived\. Restore the script, or choose another\./);
    const collaboration = (await db().competency.findFirstOrThrow({ where: { orgId: null, slug: "collaboration" } })).id;
    const weights = await failure(savePlan(id, [stage("Interview", { weights: [{ competencyId: collaboration, weight: 3 }] })]));
    expect(weights.message).toMatch(/weights can only be given to the competencies/);
    const outOfRange = await failure(savePlan(id, [stage("Interview", { weights: [{ competencyId: collaboration, weight: 101 }] })]));
    expect(outOfRange.message).toContain("A weight must be between 0 and 100");
    const twice = await failure(savePlan(id, [stage("Interview"), stage("interview")]));
    expect(twice.message).toContain("Two stages can't have the same name");
    expect((await manager.caller.vacancies.plan({ id })).stages).toEqual([]);
  });

  it("reorders stages, and removes one only when no candidate, interview or debrief is at it", async () => {
    const id = await newVacancy();
    const first = await savePlan(id, [stage("Screening"), stage("Panel"), stage("Task")]);
    const [screening, panelStage, task] = first.stages;
    const reordered = await savePlan(id, [
      { ...stage("Panel"), id: panelStage!.id },
      { ...stage("Screening"), id: screening!.id },
      { ...stage("Task"), id: task!.id },
    ]);
    expect(reordered.stages.map((s) => [s.id, s.position])).toEqual([
      [panelStage!.id, 1],
      [screening!.id, 2],
      [task!.id, 3],
    ]);

    await createCandidateRecord(org.id, { name: "Sitting at panel", vacancyId: id, stageId: panelStage!.id });
    const candidate = await createCandidateRecord(org.id, { name: "Interviewed at task", vacancyId: id, stageId: screening!.id });
    await db().interview.create({
      data: { orgId: org.id, candidateId: candidate.id, scriptVersionId: version.versionId, stageId: task!.id, scheduledAt: new Date() },
    });
    const inUse = await failure(savePlan(id, [{ ...stage("Screening"), id: screening!.id }, { ...stage("Task"), id: task!.id }]));
    expect(inUse.code).toBe("CONFLICT");
    expect(inUse.message).toBe(
      "The stage “Panel” can't be removed: 1 candidate is at it. Move its candidates to another stage first; a stage with interviews or decisions stays in the plan.",
    );
    const withInterview = await failure(savePlan(id, [{ ...stage("Panel"), id: panelStage!.id }, { ...stage("Screening"), id: screening!.id }]));
    expect(withInterview.message).toContain("1 interview was held or scheduled for it");
    const plan = await manager.caller.vacancies.plan({ id });
    expect(plan.stages.map((s) => [s.name, s.candidates, s.interviews])).toEqual([
      ["Panel", 1, 0],
      ["Screening", 1, 0],
      ["Task", 0, 1],
    ]);

    const emptyStage = (await savePlan(id, [...plan.stages.map((s) => ({ ...stage(s.name), id: s.id })), stage("Spare")])).stages[3]!;
    const removed = await savePlan(id, plan.stages.map((s) => ({ ...stage(s.name), id: s.id })));
    expect(removed.stages.map((s) => s.name)).toEqual(["Panel", "Screening", "Task"]);
    expect(await db().vacancyStage.count({ where: { id: emptyStage.id } })).toBe(0);
  });

  it("is safe against a second click and a second tab", async () => {
    const id = await newVacancy();
    const loaded = await manager.caller.vacancies.plan({ id });
    const stages = [stage("Screening"), stage("Panel")];
    const first = await manager.caller.vacancies.savePlan({ id, baseUpdatedAt: loaded.updatedAt, stages });
    // The same click again, from the page as it was: nothing changes and no stage is added twice.
    const again = await manager.caller.vacancies.savePlan({ id, baseUpdatedAt: loaded.updatedAt, stages });
    expect(again.changed).toBe(false);
    expect(again.stages.map((s) => s.id)).toEqual(first.stages.map((s) => s.id));
    // A tab still showing the first state, asking for something else: refused, the plan kept.
    const stale = await failure(manager.caller.vacancies.savePlan({ id, baseUpdatedAt: loaded.updatedAt, stages: [stage("Only one")] }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("changed in another tab or by someone else");
    expect((await manager.caller.vacancies.plan({ id })).stages.map((s) => s.name)).toEqual(["Screening", "Panel"]);

    // Two tabs saving different plans at the same moment: exactly one wins.
    const base = (await manager.caller.vacancies.plan({ id })).updatedAt;
    const keep = first.stages.map((s) => ({ ...stage(s.name), id: s.id }));
    const results = await Promise.allSettled([
      manager.caller.vacancies.savePlan({ id, baseUpdatedAt: base, stages: [...keep, stage("Tab one")] }),
      admin.caller.vacancies.savePlan({ id, baseUpdatedAt: base, stages: [...keep, stage("Tab two")] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const names = (await manager.caller.vacancies.plan({ id })).stages.map((s) => s.name);
    expect(names).toHaveLength(3);
    expect(["Tab one", "Tab two"]).toContain(names[2]);
  });

  it("a plan editor opened before the vacancy's details were saved elsewhere saves its plan", async () => {
    const id = await newVacancy();
    const loaded = await manager.caller.vacancies.plan({ id });
    // Another tab, or another manager, changes the title and location meanwhile.
    await admin.caller.vacancies.update({ id, title: "Crisis Line Worker (nights)", location: "Leeds" });
    const saved = await manager.caller.vacancies.savePlan({ id, baseUpdatedAt: loaded.updatedAt, stages: [stage("Screening"), stage("Panel")] });
    expect(saved.changed).toBe(true);
    expect(saved.stages.map((s) => s.name)).toEqual(["Screening", "Panel"]);
    // The details stay as the other tab saved them, and the plan's own check still holds.
    expect(await admin.caller.vacancies.get({ id })).toMatchObject({ title: "Crisis Line Worker (nights)", location: "Leeds" });
    const stale = await failure(admin.caller.vacancies.savePlan({ id, baseUpdatedAt: loaded.updatedAt, stages: [stage("Only one")] }));
    expect(stale.code).toBe("CONFLICT");
    expect((await manager.caller.vacancies.plan({ id })).updatedAt).toEqual(saved.updatedAt);
  });

  it("lets only the vacancy's managers and admins save the plan; others read it", async () => {
    const id = await newVacancy();
    const plan = await otherManager.caller.vacancies.plan({ id });
    expect(plan.canEdit).toBe(false);
    expect(await codeOf(otherManager.caller.vacancies.savePlan({ id, baseUpdatedAt: plan.updatedAt, stages: [stage("Mine")] }))).toBe("FORBIDDEN");
    expect(await codeOf(hr.caller.vacancies.savePlan({ id, baseUpdatedAt: plan.updatedAt, stages: [stage("Mine")] }))).toBe("FORBIDDEN");
    expect((await hr.caller.vacancies.plan({ id })).canEdit).toBe(false);
  });
});

describe("vacancies: the pipeline board and stage moves", () => {
  let vacancyId: string;
  let stageIds: [string, string];
  const ids: Record<string, string> = {};

  async function interviewAt(candidateId: string, stageId: string, panelIds: string[], submittedBy: string[], status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") {
    const interview = await db().interview.create({
      data: {
        orgId: org.id,
        candidateId,
        scriptVersionId: version.versionId,
        stageId,
        status,
        scheduledAt: new Date("2026-12-01T10:00:00Z"),
        panel: { create: panelIds.map((userId) => ({ userId })) },
      },
    });
    for (const panelistId of submittedBy) {
      await db().scorecard.create({
        data: { orgId: org.id, interviewId: interview.id, panelistId, status: "SUBMITTED", submittedAt: new Date() },
      });
    }
    return interview.id;
  }

  async function debriefAt(candidateId: string, stageId: string, outcome?: "ADVANCE" | "APPOINT" | "RESERVE" | "REJECT") {
    const debrief = await db().debrief.create({
      data: { orgId: org.id, candidateId, stageId, chairId: manager.userId, status: outcome ? "CLOSED" : "OPEN" },
    });
    if (outcome) {
      await db().decision.create({
        data: { orgId: org.id, debriefId: debrief.id, candidateId, stageId, outcome, rationale: "Empathy was strong throughout." },
      });
    }
  }

  beforeAll(async () => {
    vacancyId = await newVacancy(manager.caller, { title: unique("Pipeline vacancy") });
    const plan = await savePlan(vacancyId, [stage("Screening call"), stage("Panel interview")]);
    stageIds = [plan.stages[0]!.id, plan.stages[1]!.id];
    const [s1, s2] = stageIds;
    const [ada, ben, cleo] = panel;
    const add = async (key: string, stageId: string, status: "ACTIVE" | "HIRED" | "RESERVE" | "REJECTED" | "WITHDRAWN" = "ACTIVE") => {
      ids[key] = (await createCandidateRecord(org.id, { name: `${key} Candidate`, vacancyId, stageId, status })).id;
      return ids[key]!;
    };
    await add("Anna", s1);
    await interviewAt(await add("Bea", s1), s1, [ada!.userId, ben!.userId, cleo!.userId], [ada!.userId]);
    await interviewAt(await add("Cal", s1), s1, [ada!.userId, ben!.userId], [ada!.userId, ben!.userId]);
    const dee = await add("Dee", s1);
    await interviewAt(dee, s1, [ada!.userId, ben!.userId], [ada!.userId, ben!.userId]);
    await debriefAt(dee, s1);
    // Opened early while the hiring manager's own seat is still pending.
    const kit = await add("Kit", s1);
    await interviewAt(kit, s1, [ada!.userId, manager.userId], [ada!.userId]);
    await debriefAt(kit, s1);
    // Only a cancelled interview at the stage, and one at the other stage: not scheduled here.
    const jo = await add("Jo", s1);
    await interviewAt(jo, s1, [ada!.userId], [], "CANCELLED");
    await interviewAt(jo, s2, [ada!.userId], []);
    await add("Eve", s2);
    const fay = await add("Fay", s2, "HIRED");
    await debriefAt(fay, s2, "APPOINT");
    await add("Gus", s2, "RESERVE");
    const hal = await add("Hal", s1, "REJECTED");
    await debriefAt(hal, s1, "REJECT");
    await add("Ivy", s1, "WITHDRAWN");
    const erased = await add("Zed", s1);
    await db().candidate.update({ where: { id: erased }, data: { anonymizedAt: new Date() } });
  });

  const cardsOf = (pipeline: Awaited<ReturnType<Caller["vacancies"]["pipeline"]>>) =>
    Object.fromEntries(pipeline.columns.map((c) => [c.label, c.cards.map((card) => `${card.name.replace(" Candidate", "")}: ${card.waitingText}`)]));

  it("shows a column per stage then Appointed, Reserve, Rejected and Withdrawn, with counts and whom each candidate waits on", async () => {
    const pipeline = await hr.caller.vacancies.pipeline({ id: vacancyId });
    expect(pipeline.columns.map((c) => [c.label, c.count])).toEqual([
      ["Screening call", 7],
      ["Panel interview", 1],
      ["Appointed", 1],
      ["Reserve", 1],
      ["Rejected", 1],
      ["Withdrawn", 1],
    ]);
    const [ada, ben, cleo] = panel;
    expect(cardsOf(pipeline)).toEqual({
      "Screening call": [
        "Anna: Not scheduled",
        `Bea: Waiting on ${[ben!.name, cleo!.name].sort().join(", ")} (1 of 3 submitted)`,
        "Cal: Ready for debrief",
        "Dee: Debrief open",
        "Jo: Not scheduled",
        "Kit: Debrief open",
        "Zed: Not scheduled",
      ],
      "Panel interview": ["Eve: Not scheduled"],
      Appointed: ["Fay: Decided: Appoint"],
      Reserve: ["Gus: No decision recorded"],
      Rejected: ["Hal: Decided: Reject"],
      Withdrawn: ["Ivy: No decision recorded"],
    });
    expect(pipeline.total).toBe(12);
    expect(pipeline.canMove).toBe(false);
    expect(ada!.name).toBeTruthy();
    // Nothing from scorecards' content or the decisions' reasons is on the board.
    expect(JSON.stringify(pipeline)).not.toContain("Empathy was strong");
  });

  it("hides a debrief from a manager whose own seat on that panel is pending, and candidates outside a hiring manager's scope", async () => {
    const mine = await manager.caller.vacancies.pipeline({ id: vacancyId });
    expect(mine.canMove).toBe(true);
    const kit = mine.columns[0]!.cards.find((c) => c.candidateId === ids.Kit)!;
    expect(kit.waitingText).toBe(`Waiting on ${manager.name} (1 of 2 submitted)`);
    expect(kit.debriefId).toBeNull();
    const asHr = await hr.caller.vacancies.pipeline({ id: vacancyId });
    expect(asHr.columns[0]!.cards.find((c) => c.candidateId === ids.Kit)!.debriefId).toEqual(expect.any(String));

    // Another hiring manager sees the vacancy and its columns, but no candidate of it.
    const theirs = await otherManager.caller.vacancies.pipeline({ id: vacancyId });
    expect(theirs.columns.map((c) => c.count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(theirs.scoped).toBe(true);
    expect(theirs.canMove).toBe(false);
    const listed = (await otherManager.caller.vacancies.list({})).vacancies.find((v) => v.id === vacancyId)!;
    expect(listed.counts.total).toBe(0);
    expect((await manager.caller.vacancies.list({})).vacancies.find((v) => v.id === vacancyId)!.counts.total).toBe(12);
  });

  it("moves a candidate to another stage, records it, and refuses withdrawn, appointed and erased candidates", async () => {
    const [s1, s2] = stageIds;
    const moved = await manager.caller.vacancies.moveCandidate({ candidateId: ids.Anna!, stageId: s2 });
    expect(moved).toMatchObject({ stageId: s2, moved: true });
    const again = await manager.caller.vacancies.moveCandidate({ candidateId: ids.Anna!, stageId: s2 });
    expect(again.moved).toBe(false);
    expect(await db().auditEvent.count({ where: { action: "candidate.stage_moved", entityId: ids.Anna! } })).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "candidate.stage_moved", entityId: ids.Anna! } });
    expect(audit.data).toMatchObject({ fromStageId: s1, toStageId: s2, vacancyId });
    const board = await hr.caller.vacancies.pipeline({ id: vacancyId });
    expect(board.columns[1]!.cards.map((c) => c.name)).toEqual(["Anna Candidate", "Eve Candidate"]);

    const withdrawn = await failure(manager.caller.vacancies.moveCandidate({ candidateId: ids.Ivy!, stageId: s2 }));
    expect(withdrawn.code).toBe("CONFLICT");
    expect(withdrawn.message).toBe("Ivy Candidate has withdrawn, so they can't be moved to another stage.");
    const hired = await failure(manager.caller.vacancies.moveCandidate({ candidateId: ids.Fay!, stageId: s1 }));
    expect(hired.message).toBe("Fay Candidate has been appointed, so they can't be moved to another stage.");
    const erased = await failure(manager.caller.vacancies.moveCandidate({ candidateId: ids.Zed!, stageId: s2 }));
    expect(erased.message).toMatch(/personal data was erased/);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: ids.Zed! } })).stageId).toBe(s1);

    // From the reserve list back into the process.
    const reserve = await admin.caller.vacancies.moveCandidate({ candidateId: ids.Gus!, stageId: s1 });
    expect(reserve).toMatchObject({ status: "ACTIVE", moved: true });

    const otherVacancy = await newVacancy();
    const foreignStage = (await savePlan(otherVacancy, [stage("Elsewhere")])).stages[0]!.id;
    const wrongStage = await failure(manager.caller.vacancies.moveCandidate({ candidateId: ids.Eve!, stageId: foreignStage }));
    expect(wrongStage.code).toBe("BAD_REQUEST");
    expect(await codeOf(otherManager.caller.vacancies.moveCandidate({ candidateId: ids.Eve!, stageId: s1 }))).toBe("FORBIDDEN");
    expect(await codeOf(hr.caller.vacancies.moveCandidate({ candidateId: ids.Eve!, stageId: s1 }))).toBe("FORBIDDEN");
    expect(await codeOf(stranger.vacancies.moveCandidate({ candidateId: ids.Eve!, stageId: s1 }))).toBe("NOT_FOUND");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: ids.Eve! } })).stageId).toBe(s2);
  });

  it("loads a vacancy of 2,000 candidates in two database calls, quickly", async () => {
    const big = await newVacancy(manager.caller, { title: unique("Big vacancy") });
    const plan = await savePlan(big, [stage("Screening"), stage("Panel"), stage("Final")]);
    const stageList = plan.stages.map((s) => s.id);
    const person = await db().person.create({ data: { orgId: org.id } });
    const tag = unique("big");
    // 2,000 candidates over the three stages, each with an interview at their stage, a panel of three and
    // one or two submitted scorecards; every tenth candidate has an open debrief.
    await db().$executeRaw`
      INSERT INTO "Candidate" ("id", "orgId", "name", "vacancyId", "stageId", "personId", "updatedAt")
      SELECT ${tag} || '-c' || g, ${org.id}, 'Bulk ' || g, ${big}, (${stageList}::text[])[1 + g % 3], ${person.id}, now()
      FROM generate_series(1, 2000) g`;
    await db().$executeRaw`
      INSERT INTO "Interview" ("id", "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", "updatedAt")
      SELECT ${tag} || '-i' || g, ${org.id}, ${tag} || '-c' || g, ${version.versionId}, (${stageList}::text[])[1 + g % 3], now(), now()
      FROM generate_series(1, 2000) g`;
    const panelIds = panel.map((p) => p.userId);
    await db().$executeRaw`
      INSERT INTO "PanelMember" ("interviewId", "userId")
      SELECT ${tag} || '-i' || g, u FROM generate_series(1, 2000) g, unnest(${panelIds}::text[]) u`;
    await db().$executeRaw`
      INSERT INTO "Scorecard" ("id", "orgId", "interviewId", "panelistId", "status", "submittedAt", "updatedAt")
      SELECT ${tag} || '-s' || g || '-' || k, ${org.id}, ${tag} || '-i' || g, (${panelIds}::text[])[k], 'SUBMITTED', now(), now()
      FROM generate_series(1, 2000) g, generate_series(1, 1 + g % 2) k`;
    await db().$executeRaw`
      INSERT INTO "Debrief" ("id", "orgId", "candidateId", "stageId")
      SELECT ${tag} || '-d' || g, ${org.id}, ${tag} || '-c' || g, (${stageList}::text[])[1 + g % 3]
      FROM generate_series(10, 2000, 10) g`;
    await db().$executeRaw`ANALYZE`;

    const board = await admin.caller.vacancies.pipeline({ id: big });
    expect(board.total).toBe(2000);
    expect(board.columns.slice(0, 3).map((c) => c.count)).toEqual([666, 667, 667]);
    expect(board.columns[0]!.cards.filter((c) => c.waitingText === "Debrief open")).toHaveLength(66);

    // The board is read in a fixed number of database calls, whatever the number of candidates.
    const actor = { userId: admin.userId, orgId: org.id, role: "ADMIN" as const };
    const counted = countingDb();
    await getVacancyPipeline(counted.db, actor, { id: big });
    expect(counted.calls()).toBe(2);
    const small = countingDb();
    await getVacancyPipeline(small.db, actor, { id: vacancyId });
    expect(small.calls()).toBe(2);

    // The fastest of seven loads through the procedure (the machine's other work only ever adds time). The
    // bound is generous for a shared test machine, where this measured 20-60 ms idle and up to 150 ms with
    // five other test runs beside it; npm run bench holds the pipeline to its 150 ms p95 on the 1M-rating
    // organisation.
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      await admin.caller.vacancies.pipeline({ id: big });
      times.push(performance.now() - started);
    }
    console.info(`pipeline of 2,000 candidates: ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
    expect(Math.min(...times)).toBeLessThan(300);
  });
});
