// A script version's content (targets, sections, items) as one plain document: how it is read from a
// version, checked against what the organisation can see, and written into a version. Saving a draft,
// starting a new version and duplicating a script all go through here.
import type { Prisma } from "@/generated/prisma/client";
import type { ScriptContent } from "@/lib/schemas/scripts";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { visibleBankWhere, visibleCompetencyWhere } from "@/server/services/banks/visible-banks";
import { versionContentSelect } from "./selects";

type Tx = Prisma.TransactionClient;

export type VersionContentRow = Prisma.ScriptVersionGetPayload<{ select: typeof versionContentSelect }>;

/** The stored version as the document shape (with section and item ids, which `get` shows). */
export function toVersionDocument(row: VersionContentRow) {
  return {
    instructions: row.instructions,
    plannedMinutes: row.plannedMinutes,
    targets: row.weights.map((w) => ({ competencyId: w.competencyId, weight: w.weight })),
    sections: row.sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items.map(({ competencies, ...item }) => ({
        ...item,
        competencyIds: competencies.map((c) => c.competencyId),
      })),
    })),
  };
}

export async function readVersionContent(tx: Tx, versionId: string): Promise<ScriptContent> {
  const row = await tx.scriptVersion.findUniqueOrThrow({ where: { id: versionId }, select: versionContentSelect });
  return toVersionDocument(row);
}

export const countItems = (content: Pick<ScriptContent, "sections">) =>
  content.sections.reduce((sum, section) => sum + section.items.length, 0);

/**
 * Refuses content that points at a competency the organisation cannot use (another organisation's, or
 * archived) or a question outside its banks. The error names the first field at fault.
 */
export async function assertContentReferences(tx: Tx, actor: Actor, content: ScriptContent): Promise<void> {
  const competencyIds = new Set([
    ...content.targets.map((t) => t.competencyId),
    ...content.sections.flatMap((s) => s.items.flatMap((i) => i.competencyIds)),
  ]);
  const questionIds = new Set(
    content.sections.flatMap((s) => s.items.map((i) => i.questionId)).filter((id): id is string => id !== null),
  );
  const [competencies, questions] = await Promise.all([
    competencyIds.size
      ? tx.competency.findMany({ where: { id: { in: [...competencyIds] }, ...visibleCompetencyWhere(actor) }, select: { id: true } })
      : [],
    questionIds.size
      ? tx.question.findMany({ where: { id: { in: [...questionIds] }, bank: visibleBankWhere(actor) }, select: { id: true } })
      : [],
  ]);
  const knownCompetencies = new Set(competencies.map((c) => c.id));
  const knownQuestions = new Set(questions.map((q) => q.id));
  const refuse = (field: string, what: "unknownCompetency" | "unknownQuestion") => {
    throw new AppError("BAD_REQUEST", { key: `script.${what}`, values: { field } }, field);
  };

  content.targets.forEach((target, t) => {
    if (!knownCompetencies.has(target.competencyId)) refuse(`targets.${t}.competencyId`, "unknownCompetency");
  });
  content.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      if (item.questionId !== null && !knownQuestions.has(item.questionId)) {
        refuse(`sections.${s}.items.${i}.questionId`, "unknownQuestion");
      }
      if (item.competencyIds.some((id) => !knownCompetencies.has(id))) {
        refuse(`sections.${s}.items.${i}.competencyIds`, "unknownCompetency");
      }
    });
  });
}

/** Removes a draft version's targets, sections and items (items' competencies go with them). */
export async function clearVersionContent(tx: Tx, versionId: string): Promise<void> {
  await tx.scriptVersionCompetency.deleteMany({ where: { versionId } });
  await tx.scriptSection.deleteMany({ where: { versionId } });
}

/**
 * Writes content into an empty version, in a fixed number of statements whatever its size. Positions
 * are 0-based; rows created in bulk are matched back to the document by position, not by return order.
 */
export async function writeVersionContent(tx: Tx, versionId: string, content: ScriptContent): Promise<void> {
  await tx.scriptVersion.update({
    where: { id: versionId },
    data: { instructions: content.instructions, plannedMinutes: content.plannedMinutes },
  });
  if (content.targets.length) {
    await tx.scriptVersionCompetency.createMany({
      data: content.targets.map((t, position) => ({ versionId, competencyId: t.competencyId, weight: t.weight, position })),
    });
  }
  if (!content.sections.length) return;

  const sections = await tx.scriptSection.createManyAndReturn({
    data: content.sections.map((s, position) => ({ versionId, position, title: s.title })),
    select: { id: true, position: true },
  });
  const sectionIdAt = new Map(sections.map((s) => [s.position, s.id]));
  const itemRows = content.sections.flatMap((section, s) =>
    section.items.map((item, position) => ({
      sectionId: sectionIdAt.get(s)!,
      position,
      questionId: item.questionId,
      text: item.text,
      minutes: item.minutes,
      goodAnswer: item.goodAnswer,
      exampleAnswer: item.exampleAnswer,
      probes: item.probes,
      required: item.required,
    })),
  );
  if (!itemRows.length) return;

  const items = await tx.scriptItem.createManyAndReturn({
    data: itemRows,
    select: { id: true, sectionId: true, position: true },
  });
  const itemIdAt = new Map(items.map((i) => [`${i.sectionId}:${i.position}`, i.id]));
  const links = content.sections.flatMap((section, s) =>
    section.items.flatMap((item, i) =>
      item.competencyIds.map((competencyId, position) => ({
        itemId: itemIdAt.get(`${sectionIdAt.get(s)}:${i}`)!,
        competencyId,
        position,
      })),
    ),
  );
  if (links.length) await tx.scriptItemCompetency.createMany({ data: links });
}
