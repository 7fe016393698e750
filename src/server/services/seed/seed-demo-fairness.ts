// The demo's equal-opportunities data, so a newcomer sees a real fairness report: the demo organisation asks
// about sex, ethnic group and age band; every demo candidate has answers (encrypted as the form stores them);
// and a closed "Peer Support Worker" vacancy holds 36 screening decisions in which women were advanced at
// 6 of 16 against men's 10 of 15: an impact ratio of 0.56, under four fifths, large enough to show unsuppressed.
// Some answer "prefer not to say" or nothing, and a few groups are small, so suppression shows too. Every
// person here is invented.
import type { Prisma } from "@/generated/prisma/client";
import type { MonitoringAnswers } from "@/lib/monitoring/categories";
import type { Db } from "@/server/db";
import { encryptMonitoringAnswers } from "@/server/security/monitoring-crypto";
import { daysFromToday } from "./_shared/demo-scorecards";
import { demoId } from "./_shared/demo-rows";

export const DEMO_FAIRNESS_VACANCY_TITLE = "Peer Support Worker";
export const DEMO_MONITORING_CATEGORIES = ["uk_sex", "uk_ethnic_group", "age_band"];

const FIRST = ["Aisha", "Ben", "Chloe", "Dev", "Erin", "Femi", "Gita", "Hugo", "Ines", "Jack", "Kira", "Liam", "Mei", "Noah", "Orla", "Pavel", "Quinn", "Rhea"];
const LAST = ["Abbott", "Banerjee", "Carver", "Dimitrov", "Ellison", "Fofana", "Gallagher", "Hussain", "Iqbal", "Jarvis", "Kowalski", "Lindgren"];

type Plan = { sex?: string; ethnic?: string; age?: string; advanced: boolean };

/** The Peer Support Worker candidates, in a fixed order: sex, then who advanced, with the other answers spread across them. */
function plans(): Plan[] {
  const sexes: Array<[string | undefined, number, number]> = [
    ["female", 16, 6],
    ["male", 15, 10],
    ["prefer_not_to_say", 3, 2],
    [undefined, 2, 1],
  ];
  const ethnic = [...Array<string>(20).fill("white"), ...Array<string>(6).fill("asian"), ...Array<string>(5).fill("black"), "mixed", "mixed", "prefer_not_to_say"];
  const ages = [...Array<string>(14).fill("25_34"), ...Array<string>(12).fill("35_44"), ...Array<string>(5).fill("45_54"), "55_64", "55_64", "16_24"];
  const out: Plan[] = [];
  let answered = 0;
  for (const [sex, count, advanced] of sexes) {
    for (let i = 0; i < count; i += 1) {
      // Spread ethnic group and age across the sexes (a stride through the lists), so neither tracks sex.
      const k = sex ? (answered++ * 7) % ethnic.length : -1;
      out.push({ sex, ethnic: k >= 0 ? ethnic[k] : undefined, age: k >= 0 ? ages[(k * 5) % ages.length] : undefined, advanced: i < advanced });
    }
  }
  return out;
}

function answersOf(plan: Plan): MonitoringAnswers | null {
  if (!plan.sex) return null;
  const answers: MonitoringAnswers = { uk_sex: { option: plan.sex } };
  if (plan.ethnic) answers.uk_ethnic_group = { option: plan.ethnic };
  if (plan.age) answers.age_band = { option: plan.age };
  return answers;
}

const stored = (orgId: string, candidateId: string, answers: MonitoringAnswers): Prisma.MonitoringResponseCreateManyInput => {
  const { keyId, ciphertext } = encryptMonitoringAnswers(answers);
  return { orgId, candidateId, keyId, ciphertext: new Uint8Array(ciphertext), submittedAt: daysFromToday(-40) };
};

/** Answers for the demo's other candidates, in turn: a mix, with one who did not answer. */
const OTHER_ANSWERS: Array<MonitoringAnswers | null> = [
  { uk_sex: { option: "female" }, uk_ethnic_group: { option: "black" }, age_band: { option: "25_34" } },
  { uk_sex: { option: "male" }, uk_ethnic_group: { option: "white" }, age_band: { option: "35_44" } },
  { uk_sex: { option: "female" }, uk_ethnic_group: { option: "asian" }, age_band: { option: "45_54" } },
  { uk_sex: { option: "male" }, uk_ethnic_group: { option: "mixed" }, age_band: { option: "25_34" } },
  null,
  { uk_sex: { option: "prefer_not_to_say" }, uk_ethnic_group: { option: "white" }, age_band: { option: "35_44" } },
];

/** Seeds the demo organisation's monitoring data once; false when the Peer Support Worker vacancy exists. */
export async function seedDemoFairness(db: Db, orgId: string): Promise<boolean> {
  if (await db.vacancy.findFirst({ where: { orgId, title: DEMO_FAIRNESS_VACANCY_TITLE }, select: { id: true } })) return false;
  const chair = await db.membership.findFirst({ where: { orgId, role: { in: ["HIRING_MANAGER", "ADMIN"] } }, orderBy: { role: "asc" }, select: { userId: true } });
  const others = await db.candidate.findMany({ where: { orgId, monitoringResponse: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  const vacancyId = demoId();
  const screening = demoId();
  const panel = demoId();
  const list = plans();
  const ids = list.map(() => demoId());
  const applied = daysFromToday(-45);
  const decided = daysFromToday(-30);
  await db.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: orgId }, data: { monitoringCategories: DEMO_MONITORING_CATEGORIES } });
    await tx.vacancy.create({
      data: {
        id: vacancyId,
        orgId,
        title: DEMO_FAIRNESS_VACANCY_TITLE,
        department: "Community services",
        status: "CLOSED",
        ...(chair ? { managers: { create: [{ userId: chair.userId }] } } : {}),
        stages: { create: [{ id: screening, position: 1, name: "Screening call" }, { id: panel, position: 2, name: "Panel interview" }] },
      },
    });
    await tx.person.createMany({ data: ids.map((id) => ({ id, orgId, createdAt: applied })) });
    await tx.candidate.createMany({
      data: list.map((p, i) => ({
        id: ids[i]!,
        orgId,
        name: `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`,
        vacancyId,
        personId: ids[i]!,
        stageId: p.advanced ? panel : screening,
        status: p.advanced ? ("ACTIVE" as const) : ("REJECTED" as const),
        decidedAt: p.advanced ? null : decided,
        createdAt: applied,
      })),
    });
    await tx.debrief.createMany({
      data: ids.map((id) => ({ id, orgId, candidateId: id, stageId: screening, chairId: chair?.userId ?? null, status: "CLOSED" as const, openedAt: decided, closedAt: decided })),
    });
    await tx.decision.createMany({
      data: list.map((p, i) => ({
        orgId,
        debriefId: ids[i]!,
        candidateId: ids[i]!,
        stageId: screening,
        outcome: p.advanced ? ("ADVANCE" as const) : ("REJECT" as const),
        nextStageId: p.advanced ? panel : null,
        rationale: p.advanced ? "Met the screening criteria." : "Did not meet the screening criteria.",
        decidedById: chair?.userId ?? null,
        decidedAt: decided,
      })),
    });
    const responses = [
      ...list.flatMap((p, i) => {
        const answers = answersOf(p);
        return answers ? [stored(orgId, ids[i]!, answers)] : [];
      }),
      ...others.flatMap((c, i) => {
        const answers = OTHER_ANSWERS[i % OTHER_ANSWERS.length];
        return answers ? [stored(orgId, c.id, answers)] : [];
      }),
    ];
    await tx.monitoringResponse.createMany({ data: responses });
  });
  return true;
}
