// The declared authorization policy of every tRPC procedure: for each of seven personas, whether the call is
// allowed or which code refuses it, and a valid input built on a fixture world. authz-matrix.int.test.ts
// calls every procedure as every persona and fails on any difference, on a procedure missing from this
// table, and on a procedure without meta.access.
import { db } from "@/server/db";
import { newInvitationToken } from "@/server/services/invitations/_shared/invitation-token";
import { encryptMonitoringAnswers } from "@/server/security/monitoring-crypto";
import { monitoringLinkExpiry, newMonitoringToken } from "@/server/services/monitoring/_shared/monitoring-token";
import { callerFor, createCandidateRecord, createOrganization, createUser, unique, vacancyFor } from "./factories";
import { cellsOf, rateAndSubmit } from "./scorecard-factories";
import { debriefFixture } from "./debrief-factories";
import { createScriptWithContent } from "./script-factories";
import { draftAnswerFor, practiceSessionFor, publishPracticeScript, submittedNotes } from "./training-factories";

export const PERSONAS = [
  "signedOut",
  "otherOrg",
  "offPanel",
  "panelist",
  "manager",
  "hr",
  "admin",
  // A role combined with a seat on the world's panel, before and after submitting their own scorecard, and a
  // second hiring manager who owns none of the organisation's scripts.
  "managerOnPanel",
  "managerSubmitted",
  "hrOnPanel",
  "hrSubmitted",
  "adminOnPanel",
  "adminSubmitted",
  "otherManager",
  // A service user without an account (issue 23), seated on the world's panel through a personal scoring link,
  // not yet submitted (with a draft note): their own scorecard and the after-submit views, nothing else.
  "lay",
] as const;
export type Persona = (typeof PERSONAS)[number];
export type Outcome = "allow" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

/** Personas with a seat on the world's panel who have not submitted: they must see no other panelist's scorecard. */
export const PENDING_SEATS = ["panelist", "managerOnPanel", "hrOnPanel", "adminOnPanel"] as const satisfies readonly Persona[];
/** Personas with a seat on the world's panel who have submitted their own scorecard. */
export const SUBMITTED_SEATS = ["managerSubmitted", "hrSubmitted", "adminSubmitted"] as const satisfies readonly Persona[];
const SEATED: readonly Persona[] = [...PENDING_SEATS, ...SUBMITTED_SEATS];
/** The role each persona has in org A (the signed-out and other-organisation personas have none there). */
export const ROLE_OF: Partial<Record<Persona, "INTERVIEWER" | "HIRING_MANAGER" | "HR" | "ADMIN">> = {
  offPanel: "INTERVIEWER",
  panelist: "INTERVIEWER",
  manager: "HIRING_MANAGER",
  hr: "HR",
  admin: "ADMIN",
  managerOnPanel: "HIRING_MANAGER",
  managerSubmitted: "HIRING_MANAGER",
  hrOnPanel: "HR",
  hrSubmitted: "HR",
  adminOnPanel: "ADMIN",
  adminSubmitted: "ADMIN",
  otherManager: "HIRING_MANAGER",
};

type Caller = ReturnType<typeof callerFor>;

/**
 * One organisation with an interview whose panel is a panelist who has not submitted (with a private draft
 * note) and one who has (with a submitted note); an interviewer off the panel; the hiring manager who owns
 * the published script; HR; an admin. A hiring manager, an HR member and an admin sit on the same panel
 * without having submitted (each with a draft note of their own), and three more with those roles have
 * submitted (each with a note); another hiring manager owns nothing. A second organisation whose admin is
 * the "otherOrg" persona. The secrets are unique strings used to look for leaks in responses.
 */
export async function buildWorld() {
  const { org, members } = await createOrganization(["ADMIN", "HIRING_MANAGER", "HR", "INTERVIEWER"]);
  const addInterviewer = async (name: string) => {
    const user = await createUser(name);
    const membership = await db().membership.create({ data: { orgId: org.id, userId: user.id, role: "INTERVIEWER" } });
    return { userId: user.id, membershipId: membership.id };
  };
  const addMember = async (name: string, role: "INTERVIEWER" | "HIRING_MANAGER" | "HR" | "ADMIN") => {
    const user = await createUser(name);
    await db().membership.create({ data: { orgId: org.id, userId: user.id, role } });
    return user.id;
  };
  const panelist = await addInterviewer(`Panelist ${unique("p")}`);
  const submitter = await addInterviewer(`Submitter ${unique("s")}`);
  const seated: Partial<Record<Persona, string>> = {};
  for (const persona of SEATED) seated[persona] = await addMember(`${persona} ${unique("seat")}`, ROLE_OF[persona]!);
  const otherManagerId = await addMember(`Other manager ${unique("m")}`, "HIRING_MANAGER");
  const layUser = await db().user.create({
    data: { name: `Lay panelist ${unique("lay")}`, email: `${unique("lay")}@panelists.invalid`, layOrgId: org.id },
  });
  const offPanel = { userId: members.INTERVIEWER.userId };
  const manager = callerFor(members.HIRING_MANAGER.userId);
  const admin = callerFor(members.ADMIN.userId);

  const script = await createScriptWithContent(manager);
  const published = await manager.scripts.publish({ id: script.id, baseUpdatedAt: script.saved.updatedAt });

  const contactSecret = `${unique("contact")}@candidate.example`;
  const { vacancyId, stageId } = await vacancyFor(org.id, { title: "Crisis Worker", scriptVersionId: published.versionId });
  const candidate = await manager.candidates.create({
    name: unique("Candidate"),
    email: contactSecret,
    phone: "+44 20 7946 0001",
    vacancyId,
    notes: unique("contact-note"),
  });

  const orgASecrets = [org.id, org.name, candidate.id, script.id];
  // The candidate's equal-opportunities answers, with a self-described text no procedure may ever return
  // (only a subject-access export confirmed by an admin, which the matrix does not ask for, decrypts them).
  const monitoringSecret = unique("MONITORING-SELF-DESCRIBED");
  await db().organization.update({ where: { id: org.id }, data: { monitoringCategories: [...WORLD_MONITORING_CATEGORIES] } });
  await db().monitoringResponse.create({
    data: { orgId: org.id, candidateId: candidate.id, ...encryptMonitoringAnswers({ uk_ethnic_group: { option: "self_describe", text: monitoringSecret } }) },
  });
  const submittedSecret = unique("SUBMITTED-NOTE");
  const draftSecret = unique("DRAFT-NOTE");

  const interviewId = await panelInterview(org.id, candidate.id, published.versionId, [
    panelist.userId,
    submitter.userId,
    ...SEATED.map((p) => seated[p]!),
  ]);
  const submitterCaller = callerFor(submitter.userId);
  const { card: submittedCard } = await rateAndSubmit(submitterCaller, interviewId, 3);
  await submitterCaller.scorecards.amend({
    scorecardId: submittedCard.id,
    reason: "Adding my note after the debrief.",
    notes: [{ itemId: submittedCard.items[0]!.itemId, body: submittedSecret }],
  });
  const panelistCaller = callerFor(panelist.userId);
  const draftCard = await panelistCaller.scorecards.mine({ interviewId });
  await panelistCaller.scorecards.saveNote({
    scorecardId: draftCard.id,
    itemId: draftCard.items[0]!.itemId,
    body: draftSecret,
    baseVersion: 0,
  });
  // Every seated persona writes a note of their own: a draft (hidden from everyone else) or submitted (hidden
  // from everyone on the panel who has not submitted, and from people off it without the scope).
  const seatSecrets: Partial<Record<Persona, string>> = { panelist: draftSecret };
  // The lay panelist's seat and live link, and a draft note of theirs no one else may read.
  await db().panelMember.create({ data: { interviewId, userId: layUser.id, strand: "SERVICE_USER" } });
  await layLinkFor(org.id, interviewId, layUser.id);
  const layCaller = callerFor(layUser.id);
  const layCard = await layCaller.scorecards.mine({ interviewId });
  const laySecret = unique("LAY-NOTE");
  await layCaller.scorecards.saveNote({ scorecardId: layCard.id, itemId: layCard.items[0]!.itemId, body: laySecret, baseVersion: 0 });
  for (const persona of SEATED) {
    const seatCaller = callerFor(seated[persona]!, org.id);
    const card = await seatCaller.scorecards.mine({ interviewId });
    const secret = unique(`${persona.toUpperCase()}-NOTE`);
    seatSecrets[persona] = secret;
    await seatCaller.scorecards.saveNote({ scorecardId: card.id, itemId: card.items[0]!.itemId, body: secret, baseVersion: 0 });
    if ((SUBMITTED_SEATS as readonly Persona[]).includes(persona)) await rateAndSubmit(seatCaller, interviewId, 4);
  }
  // A shadow sits on the same panel and has submitted, with a note no one else may ever read: a shadow's
  // scorecard reaches no list, figure, debrief or export, whoever asks.
  const shadow = await addInterviewer(`Shadow ${unique("sh")}`);
  await db().panelMember.create({ data: { interviewId, userId: shadow.userId, shadow: true } });
  const shadowCaller = callerFor(shadow.userId);
  const shadowSecret = unique("SHADOW-NOTE");
  const shadowCard = await shadowCaller.scorecards.mine({ interviewId });
  await shadowCaller.scorecards.saveNote({ scorecardId: shadowCard.id, itemId: shadowCard.items[0]!.itemId, body: shadowSecret, baseVersion: 0 });
  await rateAndSubmit(shadowCaller, interviewId, 1);
  // The seated managers own the candidate too (an interview of theirs, on a script they wrote, is planned),
  // so only the seat, not the scope, keeps the panel's scorecards from the one who has not submitted.
  for (const persona of ["managerOnPanel", "managerSubmitted"] as const) {
    const ownerCaller = callerFor(seated[persona]!, org.id);
    const own = await createScriptWithContent(ownerCaller);
    const ownVersion = await ownerCaller.scripts.publish({ id: own.id, baseUpdatedAt: own.saved.updatedAt });
    await db().interview.create({
      data: { orgId: org.id, candidateId: candidate.id, scriptVersionId: ownVersion.versionId, scheduledAt: new Date(Date.now() + 86_400_000) },
    });
  }

  const bank = await admin.bankAdmin.createBank({ name: unique("Own bank") });
  const competencies = script.competencies;
  const question = await admin.bankAdmin.addQuestion({
    bankId: bank.id,
    text: "Tell us how you handle a crisis call.",
    assesses: "Crisis handling",
    howToAnswer: "Specific steps",
    exampleAnswer: "I listened first.",
    competencySlugs: ["crisis-handling"],
  });
  const builtInQuestion = await db().question.findFirstOrThrow({ where: { bank: { orgId: null } }, select: { id: true } });

  // The other organisation, with records of its own that must never show up in org A's answers.
  const other = await createOrganization(["ADMIN"]);
  const otherCandidate = await createCandidateRecord(other.org.id, { name: unique("Foreign Candidate"), position: "Crisis Worker" });
  const otherBank = await db().questionBank.create({
    data: { orgId: other.org.id, slug: unique("bank"), name: unique("Foreign bank") },
  });
  const otherOrgSecrets = [other.org.id, other.org.name, otherCandidate.id, otherCandidate.name, otherBank.id, otherBank.name];

  const userIds: Record<Persona, string | null> = {
    signedOut: null,
    otherOrg: other.members.ADMIN.userId,
    offPanel: offPanel.userId,
    panelist: panelist.userId,
    manager: members.HIRING_MANAGER.userId,
    hr: members.HR.userId,
    admin: members.ADMIN.userId,
    managerOnPanel: seated.managerOnPanel!,
    managerSubmitted: seated.managerSubmitted!,
    hrOnPanel: seated.hrOnPanel!,
    hrSubmitted: seated.hrSubmitted!,
    adminOnPanel: seated.adminOnPanel!,
    adminSubmitted: seated.adminSubmitted!,
    otherManager: otherManagerId,
    lay: layUser.id,
  };

  // Each persona acts in their home organisation (the switcher's cookie), so accepting an invitation elsewhere
  // during the run never moves them.
  const homeOrg = (p: Persona) => (p === "otherOrg" ? other.org.id : p === "signedOut" ? null : org.id);
  return {
    org,
    userIds,
    callers: Object.fromEntries(PERSONAS.map((p) => [p, callerFor(userIds[p], homeOrg(p))])) as Record<Persona, Caller>,
    admin,
    manager,
    panelist: { ...panelist, caller: panelistCaller, draftCardId: draftCard.id },
    submitter: { ...submitter, caller: submitterCaller },
    offPanel,
    scriptId: script.id,
    versionId: published.versionId,
    vacancyId,
    stageId,
    competencies,
    candidateId: candidate.id,
    interviewId,
    bankId: bank.id,
    questionId: question.id,
    builtInQuestionId: builtInQuestion.id,
    secrets: {
      orgA: orgASecrets,
      otherOrg: otherOrgSecrets,
      submitted: submittedSecret,
      draft: draftSecret,
      contact: contactSecret,
      /** The shadow's note: no persona may read it. */
      shadow: shadowSecret,
      /** Each seated persona's own note (a draft or a submitted scorecard's). */
      seats: seatSecrets as Record<(typeof SEATED)[number], string>,
      /** The world candidate's self-described monitoring answer: in no procedure's response, for anyone. */
      monitoring: monitoringSecret,
      /** The lay panelist's draft note: theirs alone. */
      lay: laySecret,
    },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** The monitoring categories org A collects in the world. */
const WORLD_MONITORING_CATEGORIES = ["age_band", "uk_ethnic_group"] as const;

/** A live scoring link of the lay panelist for the interview (its secrets are irrelevant here: callers are built directly). */
function layLinkFor(orgId: string, interviewId: string, userId: string) {
  return db().layPanelistLink.create({
    data: { orgId, interviewId, userId, tokenHash: unique("lay-token"), codeHash: unique("lay-code"), expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

async function panelInterview(orgId: string, candidateId: string, versionId: string, panel: string[]) {
  const interview = await db().interview.create({
    data: {
      orgId,
      candidateId,
      scriptVersionId: versionId,
      scheduledAt: new Date(Date.now() - 2 * 3_600_000),
      panel: { create: panel.map((userId) => ({ userId })) },
    },
  });
  return interview.id;
}

// ---- fresh records, so that a mutation allowed for one persona never changes what the next one meets ----

/**
 * Whose seat a fresh scorecard is made on for a persona's call: a seated persona's own (the call is then on
 * their own scorecard), anyone else's the panelist's (the call is then on someone else's).
 */
function seatHolder(w: World, persona: Persona): { userId: string; caller: Caller } {
  if (persona === "lay") return { userId: w.userIds.lay!, caller: w.callers.lay };
  return SEATED.includes(persona)
    ? { userId: w.userIds[persona]!, caller: w.callers[persona] }
    : { userId: w.panelist.userId, caller: w.panelist.caller };
}

/** A fresh interview of the world's candidate, with the world's panelist and submitter on the panel, and `also`. */
const freshInterview = (w: World, also: string[] = []) =>
  panelInterview(w.org.id, w.candidateId, w.versionId, [...new Set([w.panelist.userId, w.submitter.userId, ...also])]);

/** The seat holder's fresh draft scorecard on a fresh interview; `rated` fills every required cell. */
async function freshDraftCard(w: World, persona: Persona, rated = false) {
  const holder = seatHolder(w, persona);
  const interviewId = await freshInterview(w, [holder.userId]);
  if (persona === "lay") await layLinkFor(w.org.id, interviewId, holder.userId);
  const card = await holder.caller.scorecards.mine({ interviewId });
  if (rated) {
    for (const cell of cellsOf(card).filter((c) => c.required)) {
      await holder.caller.scorecards.saveRating({ scorecardId: card.id, ...cellOf(cell), score: 2, notAssessed: false, baseVersion: 0 });
    }
  }
  return card;
}

const cellOf = (c: { itemId: string; competencyId: string }) => ({ itemId: c.itemId, competencyId: c.competencyId });

async function freshSubmittedCard(w: World, persona: Persona) {
  const holder = seatHolder(w, persona);
  const interviewId = await freshInterview(w, [holder.userId]);
  if (persona === "lay") await layLinkFor(w.org.id, interviewId, holder.userId);
  const { card } = await rateAndSubmit(holder.caller, interviewId, 2);
  return card;
}

/** A fresh draft script owned by the hiring manager. */
async function freshScript(w: World) {
  const { id } = await w.manager.scripts.create({ title: unique("Script"), role: "Crisis Worker" });
  return w.manager.scripts.get({ id });
}

const freshCandidate = (w: World) =>
  createCandidateRecord(w.org.id, { name: unique("Fresh Candidate"), vacancyId: w.vacancyId, stageId: w.stageId });

async function freshBank(w: World) {
  return w.admin.bankAdmin.createBank({ name: unique("Fresh bank") });
}

async function freshQuestion(w: World) {
  const bank = await freshBank(w);
  return w.admin.bankAdmin.addQuestion({
    bankId: bank.id,
    text: "What do you do first on a crisis call?",
    assesses: "Crisis handling",
    howToAnswer: "Listen",
    exampleAnswer: "",
    competencySlugs: ["crisis-handling"],
  });
}

async function freshInvitation(w: World, options: { email?: string } = {}) {
  const { token, tokenHash } = newInvitationToken();
  const invitation = await db().invitation.create({
    data: {
      orgId: w.org.id,
      email: options.email ?? `${unique("invitee")}@test.example`,
      role: "INTERVIEWER",
      tokenHash,
      invitedById: w.userIds.admin,
      expiresAt: new Date(Date.now() + 7 * 24 * 3_600_000),
    },
  });
  return { id: invitation.id, token };
}

/** A fresh candidate of a fresh vacancy the world's hiring manager manages, with an unused monitoring link. */
async function freshMonitoringLink(w: World) {
  const candidate = await createCandidateRecord(w.org.id, { name: unique("Monitored Candidate"), vacancyId: (await freshVacancy(w)).id });
  const { token, tokenHash } = newMonitoringToken();
  await db().monitoringInvite.create({ data: { orgId: w.org.id, candidateId: candidate.id, tokenHash, expiresAt: monitoringLinkExpiry() } });
  return { candidateId: candidate.id, token };
}

async function freshMembership(w: World) {
  const user = await createUser("Fresh member");
  return db().membership.create({ data: { orgId: w.org.id, userId: user.id, role: "INTERVIEWER" } });
}

/** A fresh vacancy of org A managed by the world's hiring manager (not by the other or the seated managers). */
async function freshVacancy(w: World, stages: string[] = []) {
  const vacancy = await db().vacancy.create({
    data: {
      orgId: w.org.id,
      title: unique("Fresh vacancy"),
      managers: { create: [{ userId: w.userIds.manager! }] },
      stages: { create: stages.map((name, i) => ({ name, position: i + 1, scriptVersionId: w.versionId })) },
    },
    select: { id: true, updatedAt: true, stages: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  return { id: vacancy.id, updatedAt: vacancy.updatedAt, stageIds: vacancy.stages.map((s) => s.id) };
}

/** The vacancy the world's candidate applied to. */
const worldVacancyId = async (w: World) =>
  (await db().candidate.findUniqueOrThrow({ where: { id: w.candidateId }, select: { vacancyId: true } })).vacancyId;

// ---- the table ----

const A = "allow";
const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
const N = "NOT_FOUND";

type BasePersona = "signedOut" | "otherOrg" | "offPanel" | "panelist" | "manager" | "hr" | "admin";
/** The base persona whose outcome a combined persona shares unless a row says otherwise: the same role. */
const SAME_ROLE_AS: Record<Exclude<Persona, BasePersona | "lay">, BasePersona> = {
  managerOnPanel: "manager",
  managerSubmitted: "manager",
  hrOnPanel: "hr",
  hrSubmitted: "hr",
  adminOnPanel: "admin",
  adminSubmitted: "admin",
  otherManager: "manager",
};

/**
 * Outcomes in persona order: signedOut, otherOrg, offPanel, panelist, manager, hr, admin. The combined
 * personas (a role with a panel seat, the other manager) get their role's outcome; `overrides` sets theirs
 * where the seat or the scope changes it.
 */
const row = (
  outcomes: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome],
  overrides: Partial<Record<Persona, Outcome>> = {},
): Record<Persona, Outcome> => {
  const base = ["signedOut", "otherOrg", "offPanel", "panelist", "manager", "hr", "admin"] as const;
  const result = Object.fromEntries(base.map((p, i) => [p, outcomes[i]])) as Record<Persona, Outcome>;
  for (const [persona, like] of Object.entries(SAME_ROLE_AS) as Array<[Persona, BasePersona]>) result[persona] = result[like];
  // A lay panelist holds no membership: refused (FORBIDDEN) wherever a session is needed, unless a row lets
  // them in; a public procedure treats them as signed out (src/server/access/lay-scope.ts).
  result.lay = outcomes[0] === U ? F : outcomes[0];
  return { ...result, ...overrides };
};
const seatedAllowed = Object.fromEntries(SEATED.map((p) => [p, "allow"])) as Partial<Record<Persona, Outcome>>;

export type ProcedurePolicy = {
  expect: Record<Persona, Outcome>;
  /** A valid input; called once per persona, so it may create fresh records. */
  input?: (w: World, persona: Persona) => unknown;
  /** Runs after each persona's call, to undo a change that would alter who the persona is. */
  after?: (w: World, persona: Persona) => unknown;
  /** Why a leak check does not apply to this read (e.g. the token in the link is the credential). */
  noLeakCheck?: string;
};

const everyMember = row([U, A, A, A, A, A, A]);
const everyMemberOnRecord = row([U, N, A, A, A, A, A]);
const writers = row([U, A, F, F, A, F, A]); // banks:write, scripts:write, interviews:write: create in own org
const writersOnRecord = row([U, N, F, F, A, F, A]);
const candidateReaders = row([U, A, F, F, A, A, A]);
const candidateReadersOnRecord = row([U, N, F, F, A, A, A]);
const adminsOnly = row([U, A, F, F, F, F, A]);
const adminsOnlyOnRecord = row([U, N, F, F, F, F, A]);
const privacyOnRecord = row([U, N, F, F, F, A, A]); // candidates:privacy
/** Panel seat only: everyone else, whatever their role, meets NOT_FOUND. */
const panelSeat = row([U, N, N, A, N, N, N], seatedAllowed);
/** Panelists, and off the panel people with insights:read. */
const panelOrInsights = row([U, N, N, A, A, A, A]);
const publicProc = row([A, A, A, A, A, A, A]);
/** vacancies:write on a vacancy the world's hiring manager manages: the other managers are not its managers. */
const vacancyManagersOnRecord = row([U, N, F, F, A, F, A], { managerOnPanel: F, managerSubmitted: F, otherManager: F });
/**
 * Debriefs are read under the one rule: a pending seat at the stage hides them whatever the role; otherwise
 * the role's scope (HR, admins, the vacancy's manager) or a submitted seat. The other manager sees none.
 */
const debriefReaders = row([U, N, N, N, A, A, A], { managerOnPanel: N, hrOnPanel: N, adminOnPanel: N, otherManager: N });
/** Chaired by the vacancy's managers and admins; a seated manager who submitted sees it but does not chair. */
const debriefChairs = row([U, N, F, F, A, F, A], { managerOnPanel: N, managerSubmitted: F, adminOnPanel: N, otherManager: N });
/** Comments: the chair and the panelists who may see the debrief; HR off the panel reads but does not comment. */
const debriefCommenters = row([U, N, N, N, A, F, A], { managerOnPanel: N, hrOnPanel: N, adminOnPanel: N, otherManager: N, hrSubmitted: A });

/** A debrief of a fresh candidate at a stage of a vacancy the world's manager manages, interviewed by the world's seats. */
const worldDebrief = (w: World, state: "none" | "open" | "closed") =>
  debriefFixture({
    orgId: w.org.id,
    managerId: w.userIds.manager!,
    versionId: w.versionId,
    pendingIds: [w.panelist.userId, ...PENDING_SEATS.filter((p) => p !== "panelist").map((p) => w.userIds[p]!)],
    submittedIds: [w.submitter.userId, ...SUBMITTED_SEATS.map((p) => w.userIds[p]!)],
    state,
  });
const readDebriefs = new WeakMap<World, ReturnType<typeof worldDebrief>>();
/** One open debrief for the reads, made once per world. */
const sharedDebrief = (w: World) => {
  if (!readDebriefs.has(w)) readDebriefs.set(w, worldDebrief(w, "open"));
  return readDebriefs.get(w)!;
};

// ---- panel training (issue 19) ----

/** Admins and HR (training:manage), in their own organisation. */
const trainers = row([U, A, F, F, F, A, A]);
const trainersOnRecord = row([U, N, F, F, F, A, A]);
/** A member's practice results: the member (the world's panelist), HR and admins; anyone else NOT_FOUND. */
const practiceReaders = row([U, N, N, A, N, A, A]);
/** A member's own practice session: only they rate in it; HR and admins read it but are refused changing it. */
const practiceOwner = row([U, N, N, A, N, F, F]);
/** An answer's reference rating: only its raters (the world's panelist and submitter). */
const referenceRaters = row([U, N, F, A, F, F, F]);

const practiceScripts = new WeakMap<World, ReturnType<typeof publishPracticeScript>>();
/** A published script of org A built from built-in questions with practice answers, made once per world. */
const worldPracticeScript = (w: World) => {
  if (!practiceScripts.has(w)) practiceScripts.set(w, publishPracticeScript(w.manager, { questions: 1 }));
  return practiceScripts.get(w)!;
};
/** A fresh practice session of the world's panelist, every cell rated when `rated`. */
const freshPracticeSession = async (w: World, rated = false) =>
  practiceSessionFor({ orgId: w.org.id, userId: w.panelist.userId, versionId: (await worldPracticeScript(w)).versionId, rated });
const readSessions = new WeakMap<World, ReturnType<typeof freshPracticeSession>>();
const sharedPracticeSession = (w: World) => {
  if (!readSessions.has(w)) readSessions.set(w, freshPracticeSession(w, true));
  return readSessions.get(w)!;
};
/** A fresh draft answer of org A on a built-in question, rated by the panelist and the submitter as `levels` says. */
const freshAnswer = (w: World, levels?: { panelist: (i: number) => number; submitter: (i: number) => number }, consensus = false) =>
  draftAnswerFor({
    orgId: w.org.id,
    questionId: w.builtInQuestionId,
    raters: [w.panelist.userId, w.submitter.userId],
    levels: levels ? { [w.panelist.userId]: levels.panelist, [w.submitter.userId]: levels.submitter } : undefined,
    consensus,
  });
const readAnswers = new WeakMap<World, ReturnType<typeof freshAnswer>>();
const sharedAnswer = (w: World) => {
  if (!readAnswers.has(w)) readAnswers.set(w, freshAnswer(w));
  return readAnswers.get(w)!;
};
const promotable = new WeakMap<World, ReturnType<typeof submittedNotes>>();
/** Notes of a submitted scorecard on a bank question, on a panel none of the personas sits on, made once per world. */
const worldNotes = (w: World) => {
  if (!promotable.has(w)) {
    promotable.set(
      w,
      (async () => {
        const user = await createUser(`Note writer ${unique("n")}`);
        await db().membership.create({ data: { orgId: w.org.id, userId: user.id, role: "INTERVIEWER" } });
        return submittedNotes({
          orgId: w.org.id,
          manager: w.manager,
          panelist: { userId: user.id, caller: callerFor(user.id) },
          candidate: { name: unique("Noted Candidate") },
          note: "Listened first, checked the caller's safety, then agreed the next step with the crisis team.",
        });
      })(),
    );
  }
  return promotable.get(w)!;
};

export const POLICY: Record<string, ProcedurePolicy> = {
  // auth
  "auth.signUp": {
    expect: publicProc,
    input: () => ({ name: "New Person", email: `${unique("signup")}@test.example`, password: "a-long-password-1", organizationName: unique("New Org") }),
  },
  "auth.signInOptions": { expect: publicProc },
  "auth.demoAccounts": { expect: publicProc },

  // org
  "org.viewer": { expect: everyMember },
  "org.members": { expect: everyMember },
  "org.inviteMember": { expect: adminsOnly, input: () => ({ email: `${unique("member")}@test.example`, role: "INTERVIEWER" }) },
  "org.setMemberRole": {
    expect: adminsOnlyOnRecord,
    input: async (w) => ({ membershipId: (await freshMembership(w)).id, role: "HR" }),
  },

  // banks (read)
  "banks.list": { expect: everyMember },
  "banks.competencies": { expect: everyMember },
  "banks.searchQuestions": { expect: everyMember, input: () => ({ query: "crisis" }) },
  "banks.question": { expect: everyMemberOnRecord, input: (w) => ({ id: w.questionId }) },

  // bankAdmin (organisations' own banks)
  "bankAdmin.myBanks": { expect: writers },
  "bankAdmin.ownBank": { expect: writersOnRecord, input: (w) => ({ id: w.bankId }) },
  "bankAdmin.createBank": { expect: writers, input: () => ({ name: unique("Bank") }) },
  "bankAdmin.updateBank": { expect: writersOnRecord, input: async (w) => ({ id: (await freshBank(w)).id, name: unique("Renamed") }) },
  "bankAdmin.deleteBank": { expect: writersOnRecord, input: async (w) => ({ id: (await freshBank(w)).id }) },
  "bankAdmin.addQuestion": {
    expect: writersOnRecord,
    input: async (w) => ({
      bankId: (await freshBank(w)).id,
      text: "How do you keep yourself safe?",
      assesses: "Ethics",
      howToAnswer: "",
      exampleAnswer: "",
      competencySlugs: ["ethics"],
    }),
  },
  "bankAdmin.updateQuestion": {
    expect: writersOnRecord,
    input: async (w) => ({
      id: (await freshQuestion(w)).id,
      text: "How do you keep yourself safe at work?",
      assesses: "Ethics",
      howToAnswer: "",
      exampleAnswer: "",
      competencySlugs: ["ethics"],
    }),
  },
  "bankAdmin.deleteQuestion": { expect: writersOnRecord, input: async (w) => ({ id: (await freshQuestion(w)).id }) },
  "bankAdmin.copyQuestion": {
    expect: writersOnRecord,
    input: async (w) => ({ questionId: w.builtInQuestionId, bankId: (await freshBank(w)).id }),
  },
  "bankAdmin.previewImport": {
    expect: writers,
    input: () => ({ source: "Interview Questions\n\n1. Why this work?\nWhat it assesses: motivation.\n" }),
  },
  "bankAdmin.previewImportFile": {
    expect: writers,
    input: () => ({
      fileName: "bank.csv",
      content: Buffer.from("Question,What it assesses,Guidance,Example\nWhy this work?,Motivation,Say why,“Because.”\n").toString("base64"),
    }),
  },
  "bankAdmin.confirmImport": {
    expect: writersOnRecord,
    input: async (w) => ({
      target: { bankId: (await freshBank(w)).id },
      questions: [{ text: "Why this work?", assesses: "Motivation", howToAnswer: "", exampleAnswer: "", competencySlugs: ["empathy"] }],
    }),
  },

  // scripts
  "scripts.list": { expect: everyMember },
  "scripts.roles": { expect: everyMember },
  "scripts.get": { expect: everyMemberOnRecord, input: (w) => ({ id: w.scriptId }) },
  "scripts.printable": { expect: everyMemberOnRecord, input: (w) => ({ id: w.scriptId }) },
  "scripts.create": { expect: writers, input: () => ({ title: unique("Script"), role: "Crisis Worker" }) },
  "scripts.saveDraft": {
    expect: writersOnRecord,
    input: async (w) => {
      const s = await freshScript(w);
      return {
        id: s.id,
        baseUpdatedAt: s.updatedAt,
        title: s.title,
        role: s.role,
        instructions: "Welcome the candidate.",
        plannedMinutes: 60,
        targets: [],
        sections: [{ title: "Opening", items: [] }],
      };
    },
  },
  "scripts.publish": {
    expect: writersOnRecord,
    input: async (w) => {
      const s = await createScriptWithContent(w.manager);
      return { id: s.id, baseUpdatedAt: s.saved.updatedAt };
    },
  },
  "scripts.duplicate": { expect: writersOnRecord, input: (w) => ({ id: w.scriptId }) },
  "scripts.archive": { expect: writersOnRecord, input: async (w) => ({ id: (await freshScript(w)).id }) },
  "scripts.restore": {
    expect: writersOnRecord,
    input: async (w) => {
      const s = await freshScript(w);
      await w.manager.scripts.archive({ id: s.id });
      return { id: s.id };
    },
  },

  // candidates
  "candidates.list": { expect: candidateReaders },
  "candidates.vacancyOptions": { expect: candidateReaders },
  "candidates.get": { expect: candidateReadersOnRecord, input: (w) => ({ id: w.candidateId }) },
  // The vacancy is the world's: another organisation's member gets "not found".
  "candidates.create": { expect: candidateReadersOnRecord, input: (w) => ({ name: "Fresh Candidate", vacancyId: w.vacancyId }) },
  "candidates.applyToVacancy": {
    expect: candidateReadersOnRecord,
    input: async (w) => ({
      candidateId: (await freshCandidate(w)).id,
      vacancyId: (await vacancyFor(w.org.id, { title: unique("Fresh vacancy") })).vacancyId,
    }),
  },
  "candidates.update": {
    expect: candidateReadersOnRecord,
    input: async (w) => ({ id: (await freshCandidate(w)).id, notes: "Called back" }),
  },
  // Candidate import: the default vacancy is the world's, so another organisation's member gets "not found".
  "candidateImport.preview": {
    expect: candidateReadersOnRecord,
    input: (w) => ({ file: { name: "candidates.csv", base64: Buffer.from("Name\nImported Candidate\n").toString("base64") }, defaultVacancyId: w.vacancyId }),
  },
  "candidateImport.confirm": {
    expect: candidateReadersOnRecord,
    input: (w) => ({
      file: { name: "candidates.csv", base64: Buffer.from("Name\nImported Candidate\n").toString("base64") },
      mapping: { name: "Name", email: null, phone: null, vacancy: null, notes: null },
      defaultVacancyId: w.vacancyId,
      duplicates: { all: "skip" as const, rows: [] },
      skipRows: [],
    }),
  },

  // interviews
  "interviews.create": {
    expect: writersOnRecord,
    input: (w) => ({
      candidateId: w.candidateId,
      stageId: w.stageId,
      scheduledAt: new Date(Date.now() + 5 * 24 * 3_600_000),
      panelUserIds: [w.panelist.userId],
    }),
  },
  "interviews.update": {
    expect: writersOnRecord,
    input: async (w) => ({ id: await freshInterview(w), location: "Room 7" }),
  },
  "interviews.setPanel": {
    expect: writersOnRecord,
    input: async (w) => ({ id: await freshInterview(w), userIds: [w.panelist.userId, w.offPanel.userId] }),
  },
  // Panelists see their own interviews; roles that read candidates see all; an interviewer off the panel nothing.
  "interviews.get": { expect: row([U, N, N, A, A, A, A], { lay: A }), input: (w) => ({ id: w.interviewId }) },
  "interviews.list": { expect: candidateReaders },
  "interviews.mine": { expect: everyMember },
  "interviews.schedulingOptions": { expect: writers },

  // invitations
  "invitations.create": { expect: writers, input: () => ({ email: `${unique("invitee")}@test.example` }) },
  "invitations.revoke": { expect: writersOnRecord, input: async (w) => ({ id: (await freshInvitation(w)).id }) },
  "invitations.pending": { expect: adminsOnly },
  "invitations.resend": { expect: adminsOnlyOnRecord, input: async (w) => ({ id: (await freshInvitation(w)).id }) },
  "invitations.preview": {
    expect: publicProc,
    input: async (w) => ({ token: (await freshInvitation(w)).token }),
    noLeakCheck: "public by design: whoever holds the link's token may see which organisation invites them",
  },
  "invitations.accept": {
    // A lay panelist's session counts for nothing here: asked to sign in, as a stranger without one would be.
    expect: { ...publicProc, lay: U },
    input: async (w, persona) => {
      // Signed out, a new account is made; signed in, the invitation must be addressed to the caller.
      const email = persona === "signedOut" ? undefined : (await db().user.findUniqueOrThrow({ where: { id: w.userIds[persona]! } })).email;
      const { token } = await freshInvitation(w, { email });
      return persona === "signedOut" ? { token, name: "Invited Person", password: "a-long-password-1" } : { token };
    },
    // The other organisation's admin has just joined org A: undo it so they stay a stranger to org A.
    after: (w, persona) =>
      persona === "otherOrg" ? db().membership.deleteMany({ where: { orgId: w.org.id, userId: w.userIds.otherOrg! } }) : undefined,
  },

  // scorecards: a seat on the panel, never the role, opens the scoring screen and writes.
  "scorecards.mine": { expect: { ...panelSeat, lay: A }, input: (w) => ({ interviewId: w.interviewId }) },
  // The signed-in panelist's own easy-read choice (issue 23): anyone signed in; it changes only their record.
  "scoringPreferences.setEasyRead": { expect: { ...everyMember, lay: A }, input: () => ({ easyRead: false }) },
  "scorecards.saveRating": {
    expect: { ...panelSeat, lay: A },
    input: async (w, persona) => {
      const card = await freshDraftCard(w, persona);
      return { scorecardId: card.id, ...cellOf(cellsOf(card)[0]!), score: 3, notAssessed: false, baseVersion: 0 };
    },
  },
  "scorecards.saveNote": {
    expect: { ...panelSeat, lay: A },
    input: async (w, persona) => {
      const card = await freshDraftCard(w, persona);
      return { scorecardId: card.id, itemId: card.items[0]!.itemId, body: "Calm and specific.", baseVersion: 0 };
    },
  },
  "scorecards.submit": {
    expect: { ...panelSeat, lay: A },
    input: async (w, persona) => ({ scorecardId: (await freshDraftCard(w, persona, true)).id, recommendation: "YES", summary: "Solid examples." }),
  },
  "scorecards.amend": {
    expect: { ...panelSeat, lay: A },
    input: async (w, persona) => ({ scorecardId: (await freshSubmittedCard(w, persona)).id, reason: "Corrected after the debrief.", summary: "Amended." }),
  },
  "scorecards.forInterview": { expect: { ...panelOrInsights, lay: A }, input: (w) => ({ interviewId: w.interviewId }) },
  "scorecards.progress": { expect: { ...panelOrInsights, lay: A }, input: (w) => ({ interviewId: w.interviewId }) },
  // A seated persona calls as a shadow who has submitted on a fresh interview of the world's candidate;
  // everyone else asks about the world's interview, where no persona is a shadow: there is none to show.
  "scorecards.shadowComparison": {
    expect: panelSeat,
    input: async (w, persona) => {
      if (!SEATED.includes(persona)) return { interviewId: w.interviewId };
      const interviewId = await freshInterview(w);
      const userId = w.userIds[persona]!;
      await db().panelMember.upsert({
        where: { interviewId_userId: { interviewId, userId } },
        create: { interviewId, userId, shadow: true },
        update: { shadow: true },
      });
      await rateAndSubmit(w.callers[persona], interviewId, 2);
      return { interviewId };
    },
  },
  "scorecards.onProgress": { expect: { ...panelOrInsights, lay: A }, input: (w) => ({ interviewId: w.interviewId }) },

  // insights
  "insights.scopes": { expect: candidateReaders },
  "insights.compare": { expect: candidateReaders, input: () => ({ blind: false }) },
  // The organisation-wide comparison in pages (issue 18): the same readers as the whole comparison.
  "insights.comparePage": { expect: candidateReaders, input: () => ({ blind: false }) },
  // The other manager owns none of the candidate's scripts: the candidate is outside their scope.
  "insights.candidateSummary": { expect: row([U, N, F, F, A, A, A], { otherManager: N }), input: (w) => ({ candidateId: w.candidateId, blind: false }) },
  "insights.calibration": { expect: everyMember },
  // HR and admins: the organisation's decisions; hiring managers: those of the vacancies they manage.
  "insights.decisions": { expect: candidateReaders },

  // privacy: candidates' access and erasure requests (HR and admins); retention settings (admins)
  "privacy.settings": { expect: adminsOnly },
  "privacy.updateSettings": { expect: adminsOnly, input: () => ({ retentionDays: 365, keepAnonymousRatings: true }) },
  "privacy.erasePreview": { expect: privacyOnRecord, input: (w) => ({ candidateId: w.candidateId }) },
  "privacy.erase": { expect: privacyOnRecord, input: async (w) => ({ candidateId: (await freshCandidate(w)).id }) },
  "privacy.exportCandidate": { expect: privacyOnRecord, input: (w) => ({ candidateId: w.candidateId }) },

  // readiness and refreshers (issue 19): readiness for a panel (those who schedule), a script's requirement
  // (read by every member, changed by script writers), the thresholds (admins), the drift check (HR and admins)
  "readiness.panel": { expect: writersOnRecord, input: (w) => ({ interviewId: w.interviewId }) },
  "readiness.scriptRequirement": { expect: everyMemberOnRecord, input: (w) => ({ scriptId: w.scriptId }) },
  "readiness.setScriptRequirement": {
    expect: writersOnRecord,
    input: async (w) => ({ scriptId: (await freshScript(w)).id, practiceRequired: false, practiceMonths: 12 }),
  },
  "readiness.settings": { expect: adminsOnly },
  "readiness.updateSettings": {
    expect: adminsOnly,
    input: () => ({ practiceMaxMad: 0.75, practiceUnreadyMode: "WARN", driftLeniencyThreshold: 0.5, driftMinRatings: 20 }),
  },
  "readiness.checkDrift": { expect: row([U, A, F, F, F, A, A]) },

  // strands (issue 23): stage policies and default-panel strands by the vacancy's managers, interview panel
  // strands by those who schedule, strand figures through the one visibility rule, departure reasons and the
  // assisted flag on the panelist's own seat.
  "strands.stage": { expect: candidateReadersOnRecord, input: (w) => ({ stageId: w.stageId }) },
  "strands.declarePolicy": {
    expect: vacancyManagersOnRecord,
    input: async (w) => ({ stageId: (await freshVacancy(w, ["Panel"])).stageIds[0]!, strands: [{ strand: "STAFF", mode: "WEIGHTED", weight: 100 }] }),
  },
  "strands.setStagePanelistStrand": {
    expect: vacancyManagersOnRecord,
    input: async (w) => {
      const stageId = (await freshVacancy(w, ["Panel"])).stageIds[0]!;
      await db().vacancyStagePanelist.create({ data: { stageId, userId: w.panelist.userId } });
      return { stageId, userId: w.panelist.userId, strand: "SERVICE_USER" };
    },
  },
  "strands.interview": { expect: writersOnRecord, input: (w) => ({ interviewId: w.interviewId }) },
  "strands.setMemberStrand": {
    expect: writersOnRecord,
    input: async (w) => ({ interviewId: await freshInterview(w), userId: w.panelist.userId, strand: "EXTERNAL" }),
  },
  "strands.candidate": {
    expect: panelOrInsights,
    // A fresh candidate whose one interview seats the panelist: other rows seat more people on the world's.
    input: async (w) => {
      const candidate = await freshCandidate(w);
      await panelInterview(w.org.id, candidate.id, w.versionId, [w.panelist.userId]);
      return { candidateId: candidate.id };
    },
  },
  "strands.departures": { expect: { ...panelSeat, lay: A }, input: (w) => ({ interviewId: w.interviewId }) },
  "strands.assistance": { expect: { ...panelSeat, lay: A }, input: (w) => ({ interviewId: w.interviewId }) },
  "strands.setAssisted": {
    expect: { ...panelSeat, lay: A },
    input: async (w, persona) => ({ scorecardId: (await freshDraftCard(w, persona)).id, assisted: true, supporterName: "Sam Supporter" }),
  },

  // audit log: admins only (it records every member's actions)
  "audit.list": { expect: adminsOnly, input: () => ({ filters: { action: "candidate.created" }, limit: 20 }) },
  "audit.filterOptions": { expect: adminsOnly },

  // background jobs: admins only (the queue holds every member's notifications)
  "jobs.list": { expect: adminsOnly },

  // vacancies: read by every role that reads candidates (a hiring manager sees every vacancy, its candidates
  // only within their scope); created by vacancies:write; changed only by the vacancy's own managers or an
  // admin (the other and the seated hiring managers do not manage the fresh vacancy).
  "vacancies.list": { expect: candidateReaders },
  "vacancies.get": { expect: candidateReadersOnRecord, input: async (w) => ({ id: await worldVacancyId(w) }) },
  "vacancies.plan": { expect: candidateReadersOnRecord, input: async (w) => ({ id: await worldVacancyId(w) }) },
  "vacancies.pipeline": { expect: candidateReadersOnRecord, input: async (w) => ({ id: await worldVacancyId(w) }) },
  "vacancies.create": { expect: writers, input: () => ({ title: unique("Vacancy") }) },
  "vacancies.update": {
    expect: vacancyManagersOnRecord,
    input: async (w) => ({ id: (await freshVacancy(w)).id, location: "Leeds" }),
  },
  "vacancies.setManagers": {
    expect: vacancyManagersOnRecord,
    input: async (w) => ({ id: (await freshVacancy(w)).id, userIds: [w.userIds.manager!] }),
  },
  "vacancies.savePlan": {
    expect: vacancyManagersOnRecord,
    input: async (w) => {
      const vacancy = await freshVacancy(w);
      const stage = { scriptVersionId: w.versionId, counts: true, weights: null, panelUserIds: [w.panelist.userId] };
      return { id: vacancy.id, baseUpdatedAt: vacancy.updatedAt, stages: [{ ...stage, name: "Screening" }, { ...stage, name: "Panel" }] };
    },
  },
  "vacancies.moveCandidate": {
    expect: vacancyManagersOnRecord,
    input: async (w) => {
      const vacancy = await freshVacancy(w, ["Screening", "Panel"]);
      const person = await db().person.create({ data: { orgId: w.org.id } });
      const candidate = await db().candidate.create({
        data: { orgId: w.org.id, name: unique("Moving Candidate"), vacancyId: vacancy.id, stageId: vacancy.stageIds[0]!, personId: person.id },
      });
      return { candidateId: candidate.id, stageId: vacancy.stageIds[1]! };
    },
  },

  // debriefs: reads under the one access rule, chair actions by the vacancy's managers and admins
  "debriefs.get": { expect: debriefReaders, input: async (w) => ({ id: (await sharedDebrief(w)).debriefId! }) },
  "debriefs.watch": { expect: debriefReaders, input: async (w) => ({ id: (await sharedDebrief(w)).debriefId! }) },
  "debriefs.listForCandidate": { expect: candidateReadersOnRecord, input: async (w) => ({ candidateId: (await sharedDebrief(w)).candidateId }) },
  "debriefs.open": {
    expect: debriefChairs,
    input: async (w) => {
      const f = await worldDebrief(w, "none");
      return { candidateId: f.candidateId, stageId: f.stageId, reason: "Opening before everyone has submitted, for the matrix." };
    },
  },
  "debriefs.recordEntry": {
    expect: debriefChairs,
    input: async (w) => {
      const f = await worldDebrief(w, "open");
      return { debriefId: f.debriefId!, itemId: f.itemId, competencyId: f.competencyId, kind: "CONSENSUS", rating: 3, reason: "The panel agreed on the example." };
    },
  },
  "debriefs.comment": {
    expect: debriefCommenters,
    input: async (w) => {
      const f = await worldDebrief(w, "open");
      return { debriefId: f.debriefId!, itemId: f.itemId, competencyId: f.competencyId, body: "I saw it differently." };
    },
  },
  "debriefs.decide": {
    expect: debriefChairs,
    input: async (w) => {
      const f = await worldDebrief(w, "open");
      return { debriefId: f.debriefId!, outcome: "RESERVE", nextStageId: null, rationale: "Empathy was adequate.", overrideJustification: "" };
    },
  },
  "debriefs.correct": {
    expect: debriefChairs,
    input: async (w) => {
      const f = await worldDebrief(w, "closed");
      return { debriefId: f.debriefId!, reason: "Rewording the rationale.", change: { kind: "rationale", rationale: "Empathy was adequate; Ethics sound." } };
    },
  },

  // training (panel training, issue 19)
  "training.answers": { expect: trainers, input: () => ({}) },
  "training.answer": { expect: practiceReaders, input: async (w) => ({ id: (await sharedAnswer(w)).id }) },
  "training.questionOptions": { expect: trainers },
  "training.promotableNotes": { expect: trainers, input: () => ({}) },
  "training.createAnswer": {
    expect: trainers,
    input: (w) => ({ questionId: w.builtInQuestionId, text: "The worker listened, checked the client's safety and agreed the next step." }),
  },
  "training.promoteNotes": {
    expect: trainersOnRecord,
    input: async (w) => {
      const notes = await worldNotes(w);
      return { scorecardId: notes.scorecardId, itemId: notes.itemId, text: "Listened first, checked safety, then agreed the next step." };
    },
  },
  "training.updateAnswer": {
    expect: trainersOnRecord,
    input: async (w) => ({ id: (await freshAnswer(w)).id, text: "Rewritten: the worker listened and checked safety first." }),
  },
  "training.setRaters": {
    expect: trainersOnRecord,
    input: async (w) => ({ answerId: (await freshAnswer(w)).id, userIds: [w.panelist.userId, w.submitter.userId] }),
  },
  "training.referenceTasks": { expect: everyMember },
  "training.rateReference": {
    expect: referenceRaters,
    input: async (w) => {
      const answer = await freshAnswer(w);
      return { answerId: answer.id, ratings: answer.competencyIds.map((competencyId) => ({ competencyId, level: 2, rationale: "Fits “the anchor”." })) };
    },
  },
  "training.resolveReference": {
    expect: trainersOnRecord,
    input: async (w) => {
      const answer = await freshAnswer(w, { panelist: () => 2, submitter: () => 3 });
      return { answerId: answer.id, competencyId: answer.competencyIds[0]!, level: 2, rationale: "Agreed after discussion: “the anchor”." };
    },
  },
  "training.activateAnswer": {
    expect: trainersOnRecord,
    input: async (w) => ({ id: (await freshAnswer(w, { panelist: () => 2, submitter: () => 2 }, true)).id }),
  },
  "training.archiveAnswer": { expect: trainersOnRecord, input: async (w) => ({ id: (await freshAnswer(w)).id }) },
  "training.scripts": { expect: everyMember },
  "training.start": { expect: everyMemberOnRecord, input: async (w) => ({ scriptVersionId: (await worldPracticeScript(w)).versionId }) },
  "training.session": { expect: practiceReaders, input: async (w) => ({ id: (await sharedPracticeSession(w)).id }) },
  "training.rate": {
    expect: practiceOwner,
    input: async (w) => {
      const s = await freshPracticeSession(w);
      return { sessionId: s.id, answerId: s.answerId, competencyId: s.competencyId, score: 3 };
    },
  },
  "training.reveal": {
    expect: practiceOwner,
    input: async (w) => {
      const s = await freshPracticeSession(w, true);
      return { sessionId: s.id, answerId: s.answerId };
    },
  },
  "training.finish": { expect: practiceOwner, input: async (w) => ({ id: (await freshPracticeSession(w, true)).id }) },
  "training.sessions": { expect: practiceReaders, input: (w) => ({ userId: w.panelist.userId }) },
  "training.refresher": { expect: everyMember },
  "training.results": { expect: trainers },
  "training.resultsCsv": { expect: trainers },

  // calendar (issue 21): the organisation's time zone and reminders (admins); each member's own feed links,
  // someone else's feed being "not found" whatever the role
  "calendar.settings": { expect: adminsOnly },
  "calendar.updateSettings": {
    expect: adminsOnly,
    input: () => ({ timeZone: "UTC", reminderDayBefore: true, reminderHourBefore: true, overdueEscalationHours: 48 }),
  },
  "calendar.feeds": { expect: everyMember },
  "calendar.createFeed": { expect: everyMember },
  "calendar.revokeFeed": {
    expect: row([U, N, N, A, N, N, N]),
    input: async (w) => ({ id: (await db().calendarFeedToken.create({ data: { orgId: w.org.id, userId: w.panelist.userId, tokenHash: newInvitationToken().tokenHash } })).id }),
  },

  // monitoring (collection): settings for admins; links made by HR, admins and the candidate's vacancy managers
  "monitoring.settings": { expect: adminsOnly },
  "monitoring.updateSettings": {
    expect: adminsOnly,
    input: () => ({ categories: [...WORLD_MONITORING_CATEGORIES], minCell: 5, reportForManagers: false }),
  },
  "monitoring.createInvite": {
    expect: row([U, N, F, F, A, A, A], { managerOnPanel: F, managerSubmitted: F, otherManager: F }),
    input: async (w) => ({ candidateId: (await freshMonitoringLink(w)).candidateId }),
  },
  "monitoring.form": {
    expect: publicProc,
    input: async (w) => ({ token: (await freshMonitoringLink(w)).token }),
    noLeakCheck: "public by design: whoever holds the link's token sees which organisation asks (and nothing about the candidate)",
  },
  "monitoring.submit": {
    expect: publicProc,
    input: async (w) => ({ token: (await freshMonitoringLink(w)).token, answers: { age_band: { option: "25_34" } } }),
  },

  // monitoring (report): HR and admins; hiring managers only when the organisation grants it (the world does not)
  "monitoring.reportScopes": { expect: row([U, A, F, F, F, A, A]) },
  "monitoring.report": { expect: row([U, N, F, F, F, A, A]), input: (w) => ({ vacancyId: w.vacancyId }) },

  // REST API keys (issue 22): admins only; another organisation's key is not found.
  "apiKeys.list": { expect: adminsOnly },
  "apiKeys.create": { expect: adminsOnly, input: () => ({ name: unique("Key"), scopes: ["candidates:read"], expiresAt: null }) },
  "apiKeys.revoke": {
    expect: adminsOnlyOnRecord,
    input: async (w) => {
      const key = await db().apiKey.create({
        data: { orgId: w.org.id, name: unique("Key"), prefix: unique("pk_"), secretHash: unique("hash"), scopes: ["candidates:read"], createdById: w.userIds.admin! },
      });
      return { id: key.id };
    },
  },

  // webhooks (issue 22): admins only; another organisation's endpoint or delivery is not found.
  "webhooks.overview": { expect: adminsOnly },
  "webhooks.updateSettings": { expect: adminsOnly, input: () => ({ allowPrivateUrls: false }) },
  "webhooks.create": { expect: adminsOnly, input: () => ({ url: "https://93.184.216.34/hooks", events: ["interview.cancelled"] }) },
  "webhooks.update": { expect: adminsOnlyOnRecord, input: async (w) => ({ id: await freshWebhookEndpoint(w), includeNotes: true }) },
  "webhooks.delete": { expect: adminsOnlyOnRecord, input: async (w) => ({ id: await freshWebhookEndpoint(w) }) },
  "webhooks.rotateSecret": { expect: adminsOnlyOnRecord, input: async (w) => ({ id: await freshWebhookEndpoint(w) }) },
  "webhooks.sendTest": { expect: adminsOnlyOnRecord, input: async (w) => ({ id: await freshWebhookEndpoint(w) }) },
  "webhooks.deliveries": { expect: adminsOnlyOnRecord, input: async (w) => ({ endpointId: await freshWebhookEndpoint(w) }) },
  "webhooks.replay": {
    expect: adminsOnlyOnRecord,
    input: async (w) => {
      const endpointId = await freshWebhookEndpoint(w);
      const event = await db().webhookEvent.create({
        data: { id: unique("msg_"), orgId: w.org.id, type: "candidate.created", resourceType: "Candidate", resourceId: w.candidateId, payload: {} },
      });
      const delivery = await db().webhookDelivery.create({ data: { eventId: event.id, endpointId, status: "FAILED" } });
      return { deliveryId: delivery.id };
    },
  },

  // Panelists without accounts (issue 23): whoever may change a panel adds one with a scoring link, re-issues
  // or revokes it (each on a fresh lay panelist of a fresh interview); the lay session reads its own scope.
  "layPanelists.add": {
    expect: writersOnRecord,
    input: async (w) => ({ interviewId: await freshInterview(w), name: "Rhiannon", strand: "SERVICE_USER", sendEmail: false }),
  },
  "layPanelists.reissue": { expect: writersOnRecord, input: (w) => freshLaySeat(w) },
  "layPanelists.revoke": { expect: writersOnRecord, input: (w) => freshLaySeat(w) },
  "layPanelists.list": { expect: writersOnRecord, input: (w) => ({ interviewId: w.interviewId }) },
  "layPanelists.session": { expect: { ...everyMember, lay: A } },
  "layPanelists.preview": {
    expect: publicProc,
    input: async (w) => ({ token: (await w.manager.layPanelists.add({ interviewId: await freshInterview(w), name: "Rhiannon", strand: "EXTERNAL", sendEmail: false })).link.split("/lay/")[1] }),
    noLeakCheck: "public by design: whoever holds the link's token sees the panelist's name and which organisation asks",
  },

  // The signed-in user's own language (i18n, issue 23): anyone signed in, whatever their organisation; it
  // changes nobody else's record.
  "users.setLocale": { expect: { ...everyMember, lay: A }, input: () => ({ locale: null }) },

  // SCIM provisioning settings (issue 22): admins only; another organisation's token or group is not found.
  "scim.settings": { expect: adminsOnly },
  "scim.createToken": {
    expect: adminsOnly,
    // At most two live tokens per organisation: each call starts from none, whoever called before.
    input: async (w, persona) => {
      const userId = w.userIds[persona];
      if (userId) await db().scimToken.updateMany({ where: { revokedAt: null, org: { memberships: { some: { userId } } } }, data: { revokedAt: new Date() } });
      return undefined;
    },
  },
  "scim.revokeToken": {
    expect: adminsOnlyOnRecord,
    input: async (w) => ({ id: (await db().scimToken.create({ data: { orgId: w.org.id, prefix: unique("p"), secretHash: unique("h") } })).id }),
  },
  "scim.setGroupRole": {
    expect: adminsOnlyOnRecord,
    input: async (w) => ({ groupId: (await db().scimGroup.create({ data: { orgId: w.org.id, displayName: unique("Group") } })).id, role: "HR" }),
  },
};

/** Who may read what inside org A: the leak checks applied to every allowed read. */
export function forbiddenSecrets(w: World, persona: Persona): string[] {
  const secrets: string[] = [];
  if (persona === "otherOrg") secrets.push(...w.secrets.orgA);
  else secrets.push(...w.secrets.otherOrg);
  secrets.push(w.secrets.shadow);
  // Equal-opportunities answers: no procedure returns them to anyone.
  secrets.push(w.secrets.monitoring);
  // Submitted scorecards of the world's panel: hidden from everyone on it who has not submitted, whatever their
  // role, and off the panel from people without the scope (interviewers, a manager who does not own the
  // candidate, strangers). Seen by HR, admins, the owning manager and those who have submitted.
  const seesSubmitted = ["manager", "hr", "admin", ...SUBMITTED_SEATS].includes(persona);
  if (!seesSubmitted) secrets.push(w.secrets.submitted, ...SUBMITTED_SEATS.map((p) => w.secrets.seats[p]));
  // A draft stays with its author.
  if (persona !== "panelist") secrets.push(w.secrets.draft);
  for (const seat of PENDING_SEATS) if (seat !== "panelist" && seat !== persona) secrets.push(w.secrets.seats[seat]);
  // Candidate contact data: only roles with candidates:contact.
  if (persona === "panelist" || persona === "offPanel" || persona === "otherOrg") secrets.push(w.secrets.contact);
  // The lay panelist: no contact data, and their own draft note is theirs alone.
  if (persona === "lay") secrets.push(w.secrets.contact);
  else secrets.push(w.secrets.lay);
  return secrets;
}

/** The caller's function for a dotted procedure path ("scorecards.mine"), for calling procedures by name. */
export function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  if (typeof fn !== "function") throw new Error(`No procedure at ${path}`);
  return fn as (input: unknown) => Promise<unknown>;
}

/** A lay panelist seated with a live link on a fresh interview of the world's candidate. */
async function freshLaySeat(w: World) {
  const interviewId = await freshInterview(w);
  const user = await db().user.create({ data: { name: "Fresh lay panelist", email: `${unique("lay")}@panelists.invalid`, layOrgId: w.org.id } });
  await db().panelMember.create({ data: { interviewId, userId: user.id, strand: "EXTERNAL" } });
  await layLinkFor(w.org.id, interviewId, user.id);
  return { interviewId, userId: user.id };
}

/** A disabled webhook endpoint of org A: what it queues is never sent anywhere. */
async function freshWebhookEndpoint(w: World): Promise<string> {
  const endpoint = await db().webhookEndpoint.create({
    data: { orgId: w.org.id, url: "https://93.184.216.34/hooks", events: ["interview.cancelled"], secret: "whsec_AAAA", disabledAt: new Date() },
  });
  return endpoint.id;
}
