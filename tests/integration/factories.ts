// Test data with unique names, so test files can share one database without seeing each other's rows.
import { randomUUID } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { createCaller } from "@/server/api/root";
import { db } from "@/server/db";

export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

export async function createUser(name = "Test User") {
  return db().user.create({ data: { email: `${unique("user")}@test.example`, name } });
}

/** An organisation with one member per requested role. */
export async function createOrganization(roles: Role[] = ["ADMIN", "HIRING_MANAGER", "INTERVIEWER", "HR"]) {
  const org = await db().organization.create({ data: { name: unique("Org"), slug: unique("org") } });
  const members = {} as Record<Role, { userId: string }>;
  for (const role of roles) {
    const user = await createUser(`${role} person`);
    await db().membership.create({ data: { orgId: org.id, userId: user.id, role } });
    members[role] = { userId: user.id };
  }
  return { org, members };
}

/** A tRPC caller acting as a signed-in user (or signed out with null), exactly as the HTTP handler builds it. */
export function callerFor(userId: string | null, preferredOrgId: string | null = null) {
  return createCaller({ db: db(), userId, preferredOrgId, clientAddress: "127.0.0.1" });
}

type VacancyOptions = {
  /** Found by title in the organisation, or created with it (OPEN). */
  title?: string;
  /** The stage to find or add: the vacancy's stage on this script version (added last when missing). */
  scriptVersionId?: string | null;
  status?: "OPEN" | "ON_HOLD" | "FILLED" | "CLOSED";
};

/**
 * A vacancy of the organisation with a stage, for tests that need a candidate somewhere: found by title or
 * created; the stage is the one on `scriptVersionId` (added when missing), or the first stage (one called
 * "Interview" is added to a vacancy without stages).
 */
export async function vacancyFor(orgId: string, options: VacancyOptions = {}) {
  const title = options.title ?? "Crisis Worker";
  const vacancy =
    (await db().vacancy.findFirst({ where: { orgId, title }, orderBy: { createdAt: "asc" }, select: { id: true } })) ??
    (await db().vacancy.create({ data: { orgId, title, status: options.status ?? "OPEN" }, select: { id: true } }));
  const stages = await db().vacancyStage.findMany({
    where: { vacancyId: vacancy.id },
    orderBy: { position: "asc" },
    select: { id: true, scriptVersionId: true, position: true },
  });
  const wanted = options.scriptVersionId;
  let stage = wanted ? stages.find((s) => s.scriptVersionId === wanted) : stages[0];
  if (!stage && wanted && stages.length === 1 && stages[0]!.scriptVersionId === null) {
    stage = await db().vacancyStage.update({
      where: { id: stages[0]!.id },
      data: { scriptVersionId: wanted },
      select: { id: true, scriptVersionId: true, position: true },
    });
  }
  stage ??= await db().vacancyStage.create({
    data: {
      vacancyId: vacancy.id,
      position: (stages.at(-1)?.position ?? 0) + 1,
      name: stages.length ? `Stage ${stages.length + 1}` : "Interview",
      scriptVersionId: wanted ?? null,
    },
    select: { id: true, scriptVersionId: true, position: true },
  });
  return { vacancyId: vacancy.id, stageId: stage.id };
}

type CandidateRowFields = {
  name: string;
  email?: string | null;
  phone?: string | null;
  notes?: string;
  status?: "ACTIVE" | "HIRED" | "RESERVE" | "REJECTED" | "WITHDRAWN";
  createdAt?: Date;
  /** The vacancy's title (find-or-create), as `position` was before vacancies. */
  position?: string;
  vacancyId?: string;
  stageId?: string | null;
  /** The stage to place the candidate at is the vacancy's stage on this script version. */
  scriptVersionId?: string | null;
  personId?: string;
};

/**
 * The data of a Candidate row written with Prisma: a vacancy (see vacancyFor; `position` is its title) and a
 * new Person unless one is given.
 */
export async function candidateData(orgId: string, fields: CandidateRowFields) {
  const { position, vacancyId: givenVacancy, stageId: givenStage, scriptVersionId, personId: givenPerson, ...rest } = fields;
  let vacancyId = givenVacancy;
  let stageId = givenStage;
  if (!vacancyId) {
    const found = await vacancyFor(orgId, { title: position, scriptVersionId });
    vacancyId = found.vacancyId;
    stageId = givenStage === undefined ? found.stageId : givenStage;
  } else if (stageId === undefined) {
    const first = await db().vacancyStage.findFirst({ where: { vacancyId }, orderBy: { position: "asc" }, select: { id: true } });
    stageId = first?.id ?? null;
  }
  const personId = givenPerson ?? (await db().person.create({ data: { orgId }, select: { id: true } })).id;
  return { ...rest, orgId, vacancyId, stageId, personId };
}

/** A Candidate row written with Prisma (see candidateData). */
export async function createCandidateRecord(orgId: string, fields: CandidateRowFields) {
  return db().candidate.create({ data: await candidateData(orgId, fields) });
}
