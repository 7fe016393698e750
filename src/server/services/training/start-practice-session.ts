import type { StartPracticeInput } from "@/lib/schemas/training";
import { newPracticeSeed } from "@/lib/training/practice-order";
import type { Db } from "@/server/db";
import { AppError, type ErrorText } from "@/server/errors";
import type { Actor } from "@/server/services/actor";
import { practiceAnswersFor, versionQuestionIds } from "./_shared/session-answers";

/**
 * Starts (or resumes) the actor's practice on a published script version: the active practice answers of its
 * questions, built in or the organisation's, each to be rated on the competencies its reference rates. The
 * session keeps the answers it began with (one empty rating per answer and competency) and a seed that fixes
 * their order. An open session on the same version is resumed instead of starting a second one, so a double
 * click or a second tab lands in the same session. With `competencyIds` it is a refresher set: the answers whose
 * references rate any of those competencies, rated on those alone.
 */
export async function startPracticeSession(db: Db, actor: Actor, input: StartPracticeInput): Promise<{ id: string; resumed: boolean }> {
  return db.$transaction(async (tx) => {
    const version = await tx.scriptVersion.findFirst({
      where: { id: input.scriptVersionId, script: { orgId: actor.orgId } },
      select: { id: true, version: true, publishedAt: true, script: { select: { title: true } } },
    });
    if (!version) throw new AppError("NOT_FOUND", { key: "notFound.scriptVersion" });
    const name: ErrorText = { key: "training.versionName", values: { title: version.script.title, version: String(version.version) } };
    if (!version.publishedAt) throw new AppError("BAD_REQUEST", { key: "training.versionNotPublished", values: { name } }, "scriptVersionId");

    // One start at a time per member and version, so two clicks can't make two sessions.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`practice:${actor.userId}:${version.id}`}))`;
    const open = await tx.practiceSession.findFirst({
      where: { orgId: actor.orgId, userId: actor.userId, scriptVersionId: version.id, status: "OPEN" },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    if (open) return { id: open.id, resumed: true };

    const all = await practiceAnswersFor(tx, actor.orgId, await versionQuestionIds(tx, version.id));
    const aimed = input.competencyIds ? new Set(input.competencyIds) : null;
    const answers = aimed
      ? all.flatMap((a) => {
          const references = a.references.filter((r) => aimed.has(r.competencyId));
          return references.length > 0 ? [{ ...a, references }] : [];
        })
      : all;
    if (aimed && all.length > 0 && answers.length === 0) {
      throw new AppError(
        "BAD_REQUEST",
        { key: "training.noAnswersForRefresher", values: { name } },
        "competencyIds",
      );
    }
    if (answers.length === 0) {
      throw new AppError(
        "BAD_REQUEST",
        { key: "training.noPracticeAnswers", values: { name } },
        "scriptVersionId",
      );
    }
    const session = await tx.practiceSession.create({
      data: { orgId: actor.orgId, userId: actor.userId, scriptVersionId: version.id, seed: newPracticeSeed() },
      select: { id: true },
    });
    await tx.practiceRating.createMany({
      data: answers.flatMap((a) => a.references.map((r) => ({ sessionId: session.id, answerId: a.id, competencyId: r.competencyId }))),
    });
    return { id: session.id, resumed: false };
  });
}
