// Two tabs, or two people, changing the same candidate, interview, bank question, bank's details or vacancy's
// details through the app's forms: the form sends the updatedAt it shows (baseUpdatedAt; for a vacancy, the
// details it shows), and a change made from an older state is refused (CONFLICT) instead of overwriting what
// its author never saw. Without it (the REST API, which sends If-Match) a change applies as before. A bank's
// questions, and a vacancy's plan and managers, have writes of their own that don't make the details form
// conflict. The settings page's forms send the settings they show (`shown`) the same way.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOrganization, unique, vacancyFor } from "./factories";
import { addMember } from "./debrief-factories";
import { failure } from "./script-factories";
import { createPanelInterview, rateAndSubmit } from "./scorecard-factories";

const CANDIDATE_CHANGED =
  "This candidate was changed in another tab or by someone else after you opened the page, so your change was not saved. What you typed is still here: copy it, then reload the page to see the latest details.";
const QUESTION_CHANGED =
  "This question was changed in another tab or by someone else after you opened the page, so your change was not saved. What you typed is still here: copy it, then reload the page to see the latest version.";
const BANK_DETAILS_CHANGED =
  "This bank's details were changed in another tab or by someone else after you opened the page, so your change was not saved. What you typed is still here: copy it, then reload the page to see the latest details.";
const VACANCY_CHANGED =
  "This vacancy's details were changed in another tab or by someone else after you opened the page, so your change was not saved. What you entered is still here: note it, then reload the page to see the latest details.";
const INTERVIEW_CHANGED =
  "This interview was changed in another tab or by someone else after you opened the page, so your change was not saved. What you entered is still here: note it, then reload the page to see the latest details.";

describe("a change made from an older state", () => {
  it("candidate: the second tab's notes are refused, the first tab's stay, and the tab that saved can save again", async () => {
    const { org, members } = await createOrganization();
    const { vacancyId } = await vacancyFor(org.id);
    const hr = callerFor(members.HR.userId);
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const { id } = await hr.candidates.create({ name: unique("Robin"), vacancyId, notes: "Referred by a colleague" });
    const opened = (await hr.candidates.get({ id })).updatedAt;

    // Both opened the page at `opened`; HR saves first.
    const saved = await hr.candidates.update({ id, baseUpdatedAt: opened, notes: "Strong on de-escalation" });
    expect(saved.updatedAt.getTime()).toBeGreaterThan(opened.getTime());
    const refused = await failure(manager.candidates.update({ id, baseUpdatedAt: opened, notes: "Ask about night shifts" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(CANDIDATE_CHANGED);
    expect((await hr.candidates.get({ id })).notes).toBe("Strong on de-escalation");

    // The page shows the saved state (and its updatedAt) again: the next change from it goes through.
    await hr.candidates.update({ id, baseUpdatedAt: saved.updatedAt, notes: "Strong on de-escalation; references checked" });
    // No base: as the REST API's PATCH without If-Match.
    await manager.candidates.update({ id, status: "RESERVE" });
    expect(await hr.candidates.get({ id })).toMatchObject({ notes: "Strong on de-escalation; references checked", status: "RESERVE" });
  });

  it("interview: a settings form opened before the panel completed it cannot put it back to Scheduled", async () => {
    const f = await createPanelInterview();
    const manager = f.manager.caller;
    const opened = await manager.interviews.get({ id: f.interviewId });
    expect(opened.status).toBe("SCHEDULED");

    for (const panelist of f.panelists) await rateAndSubmit(panelist.caller, f.interviewId);
    const completed = await manager.interviews.get({ id: f.interviewId });
    expect(completed.status).toBe("COMPLETED");
    expect(completed.updatedAt.getTime()).toBeGreaterThan(opened.updatedAt.getTime());

    // The open form still says Scheduled; its author only meant to change the room.
    const refused = await failure(manager.interviews.update({ id: f.interviewId, baseUpdatedAt: opened.updatedAt, location: "Room 2", status: "SCHEDULED" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(INTERVIEW_CHANGED);
    const stored = await db().interview.findUniqueOrThrow({ where: { id: f.interviewId }, select: { status: true, location: true } });
    expect(stored.status).toBe("COMPLETED");
    expect(stored.location).not.toBe("Room 2");

    // From the page as it is now, the same change goes through.
    await manager.interviews.update({ id: f.interviewId, baseUpdatedAt: completed.updatedAt, location: "Room 2", status: "COMPLETED" });
    expect(await manager.interviews.get({ id: f.interviewId })).toMatchObject({ location: "Room 2", status: "COMPLETED" });
  });

  it("bank question: the second tab's wording is refused and the first tab's stays", async () => {
    const { members } = await createOrganization();
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const admin = callerFor(members.ADMIN.userId);
    const { id: bankId } = await admin.bankAdmin.createBank({ name: unique("Night team") });
    const fields = { text: "How do you build trust with a new client?", assesses: "", howToAnswer: "", exampleAnswer: "", competencySlugs: ["empathy"] };
    const { id } = await admin.bankAdmin.addQuestion({ bankId, ...fields });
    const opened = (await manager.banks.question({ id })).updatedAt;

    await admin.bankAdmin.updateQuestion({ id, baseUpdatedAt: opened, ...fields, text: "How do you build trust with a client who is wary of services?" });
    const refused = await failure(manager.bankAdmin.updateQuestion({ id, baseUpdatedAt: opened, ...fields, text: "How do you earn trust?" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(QUESTION_CHANGED);
    const now = await manager.banks.question({ id });
    expect(now.text).toBe("How do you build trust with a client who is wary of services?");
    await manager.bankAdmin.updateQuestion({ id, baseUpdatedAt: now.updatedAt, ...fields, text: "How do you earn trust?" });
    expect((await manager.banks.question({ id })).text).toBe("How do you earn trust?");
  });

  it("bank details: the second tab's name is refused, the first tab's stays, and questions added meanwhile don't conflict", async () => {
    const { members } = await createOrganization();
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const admin = callerFor(members.ADMIN.userId);
    const { id } = await admin.bankAdmin.createBank({ name: unique("Night team") });
    const opened = (await manager.bankAdmin.ownBank({ id })).updatedAt;

    // A question added after both opened the page leaves the bank's details as they were.
    await admin.bankAdmin.addQuestion({ bankId: id, text: "How do you hand over at the end of a shift?", assesses: "", howToAnswer: "", exampleAnswer: "", competencySlugs: ["empathy"] });
    expect((await manager.bankAdmin.ownBank({ id })).updatedAt).toEqual(opened);

    const adminName = unique("Night team (crisis line)");
    const saved = await admin.bankAdmin.updateBank({ id, baseUpdatedAt: opened, name: adminName, role: "Crisis worker" });
    expect(saved).toEqual({ id, updatedAt: expect.any(Date) });
    const refused = await failure(manager.bankAdmin.updateBank({ id, baseUpdatedAt: opened, name: unique("Nights"), description: "For the night rota" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(BANK_DETAILS_CHANGED);
    const now = await manager.bankAdmin.ownBank({ id });
    expect(now).toMatchObject({ name: adminName, role: "Crisis worker", description: null });
    expect(now.updatedAt.getTime()).toBeGreaterThan(opened.getTime());
    // What the save answered is the state the form goes on from (its next baseUpdatedAt).
    expect(now.updatedAt).toEqual(saved.updatedAt);

    // From the page as it is now, the change goes through, and again from the state that save left.
    const managerName = unique("Nights");
    await manager.bankAdmin.updateBank({ id, baseUpdatedAt: now.updatedAt, name: managerName, role: "Crisis worker", description: "For the night rota" });
    const after = await manager.bankAdmin.ownBank({ id });
    await manager.bankAdmin.updateBank({ id, baseUpdatedAt: after.updatedAt, name: managerName, role: "Crisis worker", description: "For the night rota team" });
    // No base: as before (and as the bank writes that have no form).
    await admin.bankAdmin.updateBank({ id, name: managerName, description: "For the night rota team" });
    expect(await manager.bankAdmin.ownBank({ id })).toMatchObject({ name: managerName, role: null, description: "For the night rota team" });
  });

  it("vacancy details: the second tab's change is refused and the first tab's stays; a plan or managers saved meanwhile is no conflict", async () => {
    const { members } = await createOrganization();
    const manager = callerFor(members.HIRING_MANAGER.userId);
    const admin = callerFor(members.ADMIN.userId);
    const { id } = await admin.vacancies.create({ title: unique("Crisis Worker"), managerIds: [members.HIRING_MANAGER.userId] });
    const shownBy = async (caller: typeof admin) => {
      const { title, department, location, posts, status, opensOn, closesOn } = await caller.vacancies.get({ id });
      return { title, department, location, posts, status, opensOn, closesOn };
    };
    const opened = await shownBy(manager);

    // Saved elsewhere after the page was opened: the plan (which moves the vacancy's updatedAt) and the managers.
    const plan = await admin.vacancies.plan({ id });
    await admin.vacancies.savePlan({ id, baseUpdatedAt: plan.updatedAt, stages: [{ name: "Panel interview", scriptVersionId: null, counts: true, weights: null, panelUserIds: [] }] });
    await admin.vacancies.setManagers({ id, userIds: [members.HIRING_MANAGER.userId, members.ADMIN.userId] });
    const first = await manager.vacancies.update({ id, shown: opened, location: "Leeds", posts: 2 });
    expect(first).toMatchObject({ location: "Leeds", posts: 2 });

    // The second tab still shows the details as they were: refused, and the first tab's stay.
    const refused = await failure(admin.vacancies.update({ id, shown: opened, location: "York", status: "ON_HOLD" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(VACANCY_CHANGED);
    expect(await shownBy(admin)).toMatchObject({ location: "Leeds", posts: 2, status: "OPEN" });

    // From the details as they are now, the change goes through; without `shown`, as before.
    await admin.vacancies.update({ id, shown: await shownBy(admin), location: "York", status: "ON_HOLD" });
    await manager.vacancies.update({ id, posts: 3 });
    expect(await shownBy(admin)).toMatchObject({ location: "York", posts: 3, status: "ON_HOLD" });
  });
});

const SETTINGS_CHANGED =
  "These settings were changed in another tab or by another admin after you opened the page, so your change was not saved. What you entered is still here: note it, then reload the page to see the latest settings.";

/** One of the settings page's forms: what it reads, what it saves, and two different changes to make from what it read. */
type SettingsForm<T> = {
  read: () => Promise<T>;
  save: (input: T & { shown?: T }) => Promise<T>;
  first: (opened: T) => T;
  second: (opened: T) => T;
};

/**
 * Two tabs open on the settings page; the first saves one change, the second (still showing the settings as they
 * were) saves another: refused, and the first tab's change stays. From the settings as they are now, or as the
 * last save left them, a change goes through; without `shown` (no form), as before.
 */
async function twoTabs<T extends object>(form: SettingsForm<T>) {
  const opened = await form.read();
  const first = await form.save({ ...form.first(opened), shown: opened });
  expect(first).toEqual(form.first(opened));

  const refused = await failure(form.save({ ...form.second(opened), shown: opened }));
  expect(refused.code).toBe("CONFLICT");
  expect(refused.message).toBe(SETTINGS_CHANGED);
  expect(await form.read()).toMatchObject(form.first(opened));

  const now = await form.read();
  const second = await form.save({ ...form.second(now), shown: now });
  expect(second).toEqual(form.second(now));
  const third = await form.save({ ...form.first(second), shown: second });
  expect(third).toEqual(form.first(second));
  await form.save(form.second(opened));
  expect(await form.read()).toMatchObject(form.second(opened));
}

describe("organisation settings saved from an older state", () => {
  const admin = async () => callerFor((await createOrganization(["ADMIN"])).members.ADMIN.userId);

  it("privacy: the retention period saved in one tab is not put back by the other", async () => {
    const caller = await admin();
    await twoTabs({
      read: async () => {
        const { retentionDays, keepAnonymousRatings } = await caller.privacy.settings();
        return { retentionDays, keepAnonymousRatings };
      },
      save: (input) => caller.privacy.updateSettings(input),
      first: (s) => ({ ...s, retentionDays: 400 }),
      second: (s) => ({ ...s, keepAnonymousRatings: !s.keepAnonymousRatings }),
    });
  });

  it("calendar: the time zone saved in one tab is not put back by the other", async () => {
    const caller = await admin();
    await twoTabs({
      read: () => caller.calendar.settings(),
      save: (input) => caller.calendar.updateSettings(input),
      first: (s) => ({ ...s, timeZone: s.timeZone === "Europe/London" ? "America/Chicago" : "Europe/London" }),
      second: (s) => ({ ...s, overdueEscalationHours: s.overdueEscalationHours + 24 }),
    });
  });

  it("monitoring: the categories saved in one tab are not put back by the other", async () => {
    const caller = await admin();
    await twoTabs({
      read: () => caller.monitoring.settings(),
      save: (input) => caller.monitoring.updateSettings(input as Parameters<typeof caller.monitoring.updateSettings>[0]),
      first: (s) => ({ ...s, categories: s.categories.includes("age_band") ? s.categories.filter((k) => k !== "age_band") : [...s.categories, "age_band"] }),
      second: (s) => ({ ...s, minCell: s.minCell + 5 }),
    });
  });

  it("training: the thresholds saved in one tab are not put back by the other", async () => {
    const caller = await admin();
    await twoTabs({
      read: () => caller.readiness.settings(),
      save: (input) => caller.readiness.updateSettings(input),
      first: (s) => ({ ...s, practiceUnreadyMode: s.practiceUnreadyMode === "WARN" ? ("REFUSE" as const) : ("WARN" as const) }),
      second: (s) => ({ ...s, driftMinRatings: s.driftMinRatings + 10 }),
    });
  });
});

describe("who sits on a panel or manages a vacancy, changed from an older page", () => {
  const PANEL_CHANGED =
    "This panel was changed in another tab or by someone else after you opened the page, so your change was not made. Reload the page to see the panel as it is now, then make your change again.";
  const MANAGERS_CHANGED =
    "This vacancy's managers were changed in another tab or by someone else after you opened the page, so your change was not saved. Reload the page to see who manages it now, then make your change again.";

  it("panel: a member removed in one tab is not seated again by a change made in the other", async () => {
    const f = await createPanelInterview();
    const [ada, ben, cleo] = f.panelists.map((p) => p.userId) as [string, string, string];
    const opened = { userIds: [ada, ben, cleo], shadowUserIds: [] as string[] };

    // First tab: Ben is taken off the panel (say, he knows the candidate).
    await f.manager.caller.interviews.setPanel({ id: f.interviewId, userIds: [ada, cleo], shadowUserIds: [], shown: opened });
    // Second tab, still showing Ben: adding the outsider as a shadow would seat Ben again.
    const refused = await failure(
      f.admin.caller.interviews.setPanel({ id: f.interviewId, userIds: [ada, ben, cleo, f.outsider.userId], shadowUserIds: [f.outsider.userId], shown: opened }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(PANEL_CHANGED);
    const seated = async () => (await db().panelMember.findMany({ where: { interviewId: f.interviewId }, select: { userId: true } })).map((p) => p.userId).sort();
    expect(await seated()).toEqual([ada, cleo].sort());

    // From the panel as it is now (in any order), the change goes through; without `shown` (the REST API), as before.
    await f.admin.caller.interviews.setPanel({
      id: f.interviewId,
      userIds: [cleo, ada, f.outsider.userId],
      shadowUserIds: [f.outsider.userId],
      shown: { userIds: [cleo, ada], shadowUserIds: [] },
    });
    expect(await seated()).toEqual([ada, cleo, f.outsider.userId].sort());
    await f.manager.caller.interviews.setPanel({ id: f.interviewId, userIds: [ada, cleo], shadowUserIds: [] });
    expect(await seated()).toEqual([ada, cleo].sort());
  });

  it("managers: a manager removed in one tab is not put back by a change made in the other", async () => {
    const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER"]);
    const admin = callerFor(members.ADMIN.userId);
    const other = await addMember(org.id, unique("Second Manager"), "HIRING_MANAGER");
    const { id } = await admin.vacancies.create({ title: unique("Crisis Worker"), managerIds: [members.HIRING_MANAGER.userId, members.ADMIN.userId] });
    const managers = async () => (await admin.vacancies.get({ id })).managers.map((m) => m.userId).sort();
    const opened = await managers();

    await admin.vacancies.setManagers({ id, userIds: [members.ADMIN.userId], shown: opened });
    const refused = await failure(admin.vacancies.setManagers({ id, userIds: [...opened, other.userId], shown: opened }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe(MANAGERS_CHANGED);
    expect(await managers()).toEqual([members.ADMIN.userId]);

    await admin.vacancies.setManagers({ id, userIds: [members.ADMIN.userId, other.userId], shown: [members.ADMIN.userId] });
    expect(await managers()).toEqual([members.ADMIN.userId, other.userId].sort());
    await admin.vacancies.setManagers({ id, userIds: [members.ADMIN.userId] });
    expect(await managers()).toEqual([members.ADMIN.userId]);
  });
});
