// A vacancy's interview plan as the editor shows it: the stages in order with their script version,
// whether they count, their own weights (none: the script version's), default panel and what is at them;
// the script versions a stage may use and the members a panel may have.
import type { Prisma } from "@/generated/prisma/client";
import type { Plan } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { countsBy } from "@/server/services/_shared/counts-by";

type Client = Db | Prisma.TransactionClient;

export const stageSelect = {
  id: true,
  position: true,
  name: true,
  scriptVersionId: true,
  counts: true,
  weights: { select: { competencyId: true, weight: true }, orderBy: { competencyId: "asc" } },
  panel: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
} satisfies Prisma.VacancyStageSelect;

/** A stage with what it holds: the candidates at it now, its interviews and its debriefs. */
export type StageRow = Prisma.VacancyStageGetPayload<{ select: typeof stageSelect }> & {
  holds: { candidates: number; interviews: number; debriefs: number };
};

export async function loadStages(db: Client, vacancyId: string): Promise<StageRow[]> {
  const stages = await db.vacancyStage.findMany({ where: { vacancyId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: stageSelect });
  if (stages.length === 0) return [];
  // Grouped from these stages' rows only, not with a relation _count (see countsBy). A candidate's stage is
  // always one of its vacancy's, so the vacancy narrows nothing but lets the (vacancyId, stageId) index answer.
  const stageId = { in: stages.map((s) => s.id) };
  const [candidates, interviews, debriefs] = await Promise.all([
    db.candidate.groupBy({ by: ["stageId"], where: { vacancyId, stageId }, _count: { _all: true } }).then((rows) => countsBy(rows, "stageId")),
    db.interview.groupBy({ by: ["stageId"], where: { stageId }, _count: { _all: true } }).then((rows) => countsBy(rows, "stageId")),
    db.debrief.groupBy({ by: ["stageId"], where: { stageId }, _count: { _all: true } }).then((rows) => countsBy(rows, "stageId")),
  ]);
  return stages.map((s) => ({ ...s, holds: { candidates: candidates(s.id), interviews: interviews(s.id), debriefs: debriefs(s.id) } }));
}

const versionOptionSelect = {
  id: true,
  version: true,
  publishedAt: true,
  script: { select: { id: true, title: true, status: true } },
  weights: {
    orderBy: [{ position: "asc" }, { competencyId: "asc" }],
    select: { competencyId: true, weight: true, competency: { select: { name: true } } },
  },
} satisfies Prisma.ScriptVersionSelect;

type VersionRow = Prisma.ScriptVersionGetPayload<{ select: typeof versionOptionSelect }>;

/**
 * The script versions a stage may be given: the latest published version of each script that is not
 * archived; plus those the stages use now (marked unusable when no longer published or archived).
 */
async function scriptVersionOptions(db: Client, actor: Actor, usedIds: string[]) {
  const [published, used] = await Promise.all([
    db.scriptVersion.findMany({
      where: { publishedAt: { not: null }, script: { orgId: actor.orgId, status: { not: "ARCHIVED" } } },
      orderBy: [{ script: { title: "asc" } }, { version: "desc" }],
      select: versionOptionSelect,
    }),
    usedIds.length ? db.scriptVersion.findMany({ where: { id: { in: usedIds }, script: { orgId: actor.orgId } }, select: versionOptionSelect }) : [],
  ]);
  const options = new Map<string, VersionRow>();
  const latestOfScript = new Set<string>();
  for (const v of published) {
    if (latestOfScript.has(v.script.id)) continue;
    latestOfScript.add(v.script.id);
    options.set(v.id, v);
  }
  for (const v of used) options.set(v.id, v);
  return [...options.values()]
    .sort((a, b) => a.script.title.localeCompare(b.script.title) || b.version - a.version)
    .map((v) => ({
      versionId: v.id,
      title: v.script.title,
      version: v.version,
      usable: v.publishedAt !== null && v.script.status !== "ARCHIVED",
      weights: v.weights.map((w) => ({ competencyId: w.competencyId, name: w.competency.name, weight: w.weight })),
    }));
}

export async function loadPlan(db: Client, actor: Actor, vacancy: { id: string; title: string; planUpdatedAt: Date }, canEdit: boolean): Promise<Plan> {
  const stages = await loadStages(db, vacancy.id);
  const used = [...new Set(stages.flatMap((s) => (s.scriptVersionId ? [s.scriptVersionId] : [])))];
  const [scriptVersions, members] = await Promise.all([
    scriptVersionOptions(db, actor, used),
    db.membership.findMany({
      where: { orgId: actor.orgId },
      orderBy: { user: { name: "asc" } },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    vacancyId: vacancy.id,
    title: vacancy.title,
    // The plan's version, which its editor sends back (baseUpdatedAt).
    updatedAt: vacancy.planUpdatedAt,
    canEdit,
    stages: stages.map((s) => ({
      id: s.id,
      position: s.position,
      name: s.name,
      scriptVersionId: s.scriptVersionId,
      counts: s.counts,
      weights: s.weights.length ? s.weights : null,
      panel: s.panel.map((p) => ({ userId: p.user.id, name: p.user.name })),
      candidates: s.holds.candidates,
      interviews: s.holds.interviews,
      debriefs: s.holds.debriefs,
    })),
    scriptVersions,
    members: members.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role })),
  };
}
