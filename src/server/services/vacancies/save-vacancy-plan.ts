import type { Prisma } from "@/generated/prisma/client";
import type { PlanStageInput, SavePlanInput } from "@/lib/schemas/vacancies";
import type { Db } from "@/server/db";
import { AppError, type ErrorText } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { loadPlan, loadStages, type StageRow } from "./_shared/load-plan";
import { vacancyToChange } from "./_shared/vacancy-access";
import { defaultPanelStrands } from "@/server/services/strands/_shared/panel-strands";

type Tx = Prisma.TransactionClient;

export const PLAN_CHANGED_ELSEWHERE =
  "This plan was changed in another tab or by someone else since you opened it. Reload to see the latest plan; your changes were not saved.";

type Weight = { competencyId: string; weight: number };
/** A stage as it is stored: weights sorted by competency (null: the script version's), panel sorted and unique. */
type Wanted = { id?: string; name: string; scriptVersionId: string | null; counts: boolean; weights: Weight[] | null; panelUserIds: string[] };
type VersionInfo = { id: string; label: ErrorText; usable: "yes" | "draft" | "archived"; weights: Map<string, number> };

/**
 * Saves a vacancy's whole interview plan: its stages in order, each with its script version, whether it
 * counts, its weights and default panel. Safe against a second click and a second tab: the plan must be
 * the one the editor loaded (the vacancy's planUpdatedAt, claimed with a compare-and-set whose row lock
 * serialises concurrent saves); a stale save that asks for exactly the plan already stored succeeds
 * without change, any other is refused with CONFLICT. A stage with candidates, interviews or debriefs
 * can't be removed. Candidates of the vacancy not yet at any stage join its first stage.
 */
export async function saveVacancyPlan(db: Db, actor: Actor, input: SavePlanInput) {
  requirePermission(actor, "vacancies:write");
  return db.$transaction(async (tx) => {
    const vacancy = await vacancyToChange(tx, actor, input.id);
    const versions = await loadVersions(tx, actor.orgId, input.stages);
    const wanted = input.stages.map((stage, i) => normalise(stage, i, versions));

    // The plan's own version (planUpdatedAt): a details save meanwhile is no conflict. The vacancy's updatedAt
    // moves too, as for any change to the vacancy (the REST API's ETag and updated_since).
    const updatedAt = new Date(Math.max(Date.now(), vacancy.planUpdatedAt.getTime() + 1, vacancy.updatedAt.getTime() + 1));
    const claimed =
      input.baseUpdatedAt.getTime() === vacancy.planUpdatedAt.getTime() &&
      (await tx.vacancy.updateMany({ where: { id: vacancy.id, planUpdatedAt: vacancy.planUpdatedAt }, data: { planUpdatedAt: updatedAt, updatedAt } }))
        .count === 1;
    const current = await loadStages(tx, vacancy.id);
    if (!claimed) {
      if (!samePlan(current, wanted)) throw new AppError("CONFLICT", PLAN_CHANGED_ELSEWHERE);
      const now = await tx.vacancy.findUniqueOrThrow({ where: { id: vacancy.id }, select: { id: true, title: true, planUpdatedAt: true } });
      return { ...(await loadPlan(tx, actor, now, true)), changed: false };
    }

    const byId = new Map(current.map((s) => [s.id, s]));
    const keptIds = new Set<string>();
    wanted.forEach((stage) => {
      if (stage.id === undefined) return;
      // The editor loaded this plan, so its stages exist unless it was changed meanwhile.
      if (!byId.has(stage.id)) throw new AppError("CONFLICT", PLAN_CHANGED_ELSEWHERE);
      if (keptIds.has(stage.id)) throw new AppError("BAD_REQUEST", { key: "plan.stageTwice" }, "stages");
      keptIds.add(stage.id);
    });
    const removed = current.filter((s) => !keptIds.has(s.id));
    await assertRemovable(tx, removed);
    wanted.forEach((stage, i) => assertStageChoices(stage, i, stage.id ? byId.get(stage.id)! : null, versions));
    await assertPanelMembers(tx, actor.orgId, wanted);

    if (removed.length) await tx.vacancyStage.deleteMany({ where: { id: { in: removed.map((s) => s.id) }, vacancyId: vacancy.id } });
    const ids: string[] = [];
    for (const [i, stage] of wanted.entries()) {
      const data = { position: i + 1, name: stage.name, scriptVersionId: stage.scriptVersionId, counts: stage.counts };
      if (stage.id) {
        await tx.vacancyStage.update({ where: { id: stage.id }, data, select: { id: true } });
        ids.push(stage.id);
      } else {
        ids.push((await tx.vacancyStage.create({ data: { ...data, vacancyId: vacancy.id }, select: { id: true } })).id);
      }
    }
    await tx.vacancyStageWeight.deleteMany({ where: { stageId: { in: ids } } });
    await tx.vacancyStageWeight.createMany({
      data: wanted.flatMap((stage, i) => (stage.weights ?? []).map((w) => ({ stageId: ids[i]!, ...w }))),
    });
    // Each default panelist keeps the strand they were marked with (issue 23), the panel being rewritten whole.
    const strandOf = await defaultPanelStrands(tx, ids);
    await tx.vacancyStagePanelist.deleteMany({ where: { stageId: { in: ids } } });
    await tx.vacancyStagePanelist.createMany({
      data: wanted.flatMap((stage, i) => stage.panelUserIds.map((userId) => ({ stageId: ids[i]!, userId, strand: strandOf(ids[i]!, userId) }))),
    });
    // Candidates who applied before the vacancy had a plan join its first stage.
    const placed = ids.length
      ? (await tx.candidate.updateMany({ where: { vacancyId: vacancy.id, stageId: null, status: "ACTIVE" }, data: { stageId: ids[0]! } })).count
      : 0;

    await recordActorEvent(tx, actor, "vacancy.plan_saved", ["Vacancy", vacancy.id], {
      stages: ids,
      added: wanted.filter((s) => !s.id).length,
      removed: removed.map((s) => s.id),
      placedAtFirstStage: placed,
    });
    return { ...(await loadPlan(tx, actor, { id: vacancy.id, title: vacancy.title, planUpdatedAt: updatedAt }, true)), changed: true };
  });
}

/** The script versions the plan names, with whether each may be chosen and its own weights. */
async function loadVersions(tx: Tx, orgId: string, stages: PlanStageInput[]): Promise<Map<string, VersionInfo>> {
  const ids = [...new Set(stages.flatMap((s) => (s.scriptVersionId ? [s.scriptVersionId] : [])))];
  const rows = ids.length
    ? await tx.scriptVersion.findMany({
        where: { id: { in: ids }, script: { orgId } },
        select: {
          id: true,
          version: true,
          publishedAt: true,
          script: { select: { title: true, status: true } },
          weights: { select: { competencyId: true, weight: true } },
        },
      })
    : [];
  const versions = new Map(
    rows.map((v) => [
      v.id,
      {
        id: v.id,
        label: { key: "plan.versionLabel", values: { version: String(v.version), title: v.script.title } } satisfies ErrorText,
        usable: v.publishedAt === null ? ("draft" as const) : v.script.status === "ARCHIVED" ? ("archived" as const) : ("yes" as const),
        weights: new Map(v.weights.map((w) => [w.competencyId, w.weight])),
      },
    ]),
  );
  stages.forEach((stage, i) => {
    if (stage.scriptVersionId && !versions.has(stage.scriptVersionId)) {
      throw new AppError("BAD_REQUEST", { key: "plan.versionNotFound", values: { label: stageLabel(stage.name, i) } }, `stages.${i}.scriptVersionId`);
    }
  });
  return versions;
}

const stageLabel = (name: string, i: number): ErrorText => ({ key: "plan.stageLabel", values: { number: String(i + 1), name } });

/** The stage as it would be stored: weights equal to the script version's own are stored as none. */
function normalise(stage: PlanStageInput, i: number, versions: Map<string, VersionInfo>): Wanted {
  const panelUserIds = [...new Set(stage.panelUserIds)].sort();
  let weights = stage.weights ? [...stage.weights].sort((a, b) => a.competencyId.localeCompare(b.competencyId)) : null;
  if (weights) {
    if (new Set(weights.map((w) => w.competencyId)).size !== weights.length) {
      throw new AppError("BAD_REQUEST", { key: "plan.weightedTwice", values: { label: stageLabel(stage.name, i) } }, `stages.${i}.weights`);
    }
    const own = stage.scriptVersionId ? versions.get(stage.scriptVersionId)?.weights : undefined;
    if (own && own.size === weights.length && weights.every((w) => own.get(w.competencyId) === w.weight)) weights = null;
  }
  return { id: stage.id, name: stage.name, scriptVersionId: stage.scriptVersionId, counts: stage.counts, weights, panelUserIds };
}

function samePlan(current: StageRow[], wanted: Wanted[]): boolean {
  return (
    current.length === wanted.length &&
    wanted.every((w, i) => {
      const c = current[i]!;
      const weights = c.weights.length ? c.weights : null;
      const panel = c.panel.map((p) => p.user.id).sort();
      return (
        (w.id === undefined || w.id === c.id) &&
        w.name === c.name &&
        w.scriptVersionId === c.scriptVersionId &&
        w.counts === c.counts &&
        JSON.stringify(w.weights) === JSON.stringify(weights?.map((x) => ({ competencyId: x.competencyId, weight: x.weight })) ?? null) &&
        JSON.stringify(w.panelUserIds) === JSON.stringify(panel)
      );
    })
  );
}

/** A stage with candidates, interviews, debriefs or decisions pointing at it stays: removing it would lose where they stand. */
async function assertRemovable(tx: Tx, removed: StageRow[]) {
  for (const stage of removed) {
    const decisions = await tx.decision.count({ where: { OR: [{ stageId: stage.id }, { nextStageId: stage.id }] } });
    const { candidates, interviews, debriefs } = stage.holds;
    if (candidates + interviews + debriefs + decisions === 0) continue;
    const what: ErrorText[] = [];
    if (candidates) what.push({ key: "plan.candidatesAtStage", values: { count: candidates } });
    if (interviews) what.push({ key: "plan.interviewsAtStage", values: { count: interviews } });
    if (debriefs + decisions) what.push({ key: "plan.debriefsAtStage" });
    throw new AppError("CONFLICT", { key: "plan.stageCantBeRemoved", values: { stage: stage.name, what } }, "stages");
  }
}

/** A newly chosen script version must be published and its script not archived; weights must fit it. */
function assertStageChoices(stage: Wanted, i: number, before: StageRow | null, versions: Map<string, VersionInfo>) {
  const label = stageLabel(stage.name, i);
  const version = stage.scriptVersionId ? versions.get(stage.scriptVersionId)! : null;
  const changed = (before?.scriptVersionId ?? null) !== stage.scriptVersionId;
  if (version && changed) {
    if (version.usable === "draft") {
      throw new AppError("BAD_REQUEST", { key: "plan.versionDraft", values: { label, version: version.label } }, `stages.${i}.scriptVersionId`);
    }
    if (version.usable === "archived") {
      throw new AppError("BAD_REQUEST", { key: "plan.versionArchived", values: { label, version: version.label } }, `stages.${i}.scriptVersionId`);
    }
    if (before && before.holds.debriefs > 0) {
      throw new AppError("CONFLICT", { key: "plan.debriefsHeld", values: { label } }, `stages.${i}.scriptVersionId`);
    }
  }
  if (stage.weights) {
    if (!version) throw new AppError("BAD_REQUEST", { key: "plan.scriptBeforeWeights", values: { label } }, `stages.${i}.weights`);
    if (stage.weights.some((w) => !version.weights.has(w.competencyId))) {
      throw new AppError("BAD_REQUEST", { key: "plan.weightsOnTargetsOnly", values: { label, version: version.label } }, `stages.${i}.weights`);
    }
    if (stage.weights.every((w) => w.weight === 0)) {
      throw new AppError("BAD_REQUEST", { key: "plan.weightAboveZero", values: { label } }, `stages.${i}.weights`);
    }
  }
}

async function assertPanelMembers(tx: Tx, orgId: string, stages: Wanted[]) {
  const all = [...new Set(stages.flatMap((s) => s.panelUserIds))];
  if (all.length === 0) return;
  const members = new Set((await tx.membership.findMany({ where: { orgId, userId: { in: all } }, select: { userId: true } })).map((m) => m.userId));
  const i = stages.findIndex((s) => s.panelUserIds.some((id) => !members.has(id)));
  if (i >= 0) {
    throw new AppError("BAD_REQUEST", { key: "plan.panelistsMustBeMembers", values: { label: stageLabel(stages[i]!.name, i) } }, `stages.${i}.panelUserIds`);
  }
}
