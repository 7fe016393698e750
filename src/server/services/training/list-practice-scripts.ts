import type { PracticeScriptOption } from "@/lib/schemas/training";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { practiceAnswersFor } from "./_shared/session-answers";

/**
 * The organisation's published scripts a member can practise on (their current published version), with how
 * many of its questions have practice answers, how many answers a session would serve, and the competencies its
 * questions are rated on.
 */
export async function listPracticeScripts(db: Db, actor: Actor): Promise<PracticeScriptOption[]> {
  const scripts = await db.interviewScript.findMany({
    where: { orgId: actor.orgId, status: "PUBLISHED" },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      role: true,
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { version: "desc" },
        take: 1,
        select: {
          id: true,
          version: true,
          sections: {
            orderBy: { position: "asc" },
            select: {
              items: {
                orderBy: { position: "asc" },
                select: {
                  questionId: true,
                  competencies: { orderBy: { position: "asc" }, select: { competency: { select: { id: true, name: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  const withVersion = scripts.flatMap((s) => (s.versions[0] ? [{ script: s, version: s.versions[0] }] : []));
  const questionIdsOf = (v: (typeof withVersion)[number]["version"]) => [
    ...new Set(v.sections.flatMap((sec) => sec.items.flatMap((i) => (i.questionId ? [i.questionId] : [])))),
  ];
  const competenciesOf = (v: (typeof withVersion)[number]["version"]) => {
    const seen = new Map<string, { id: string; name: string }>();
    for (const item of v.sections.flatMap((sec) => sec.items)) for (const { competency } of item.competencies) seen.set(competency.id, competency);
    return [...seen.values()];
  };
  const answers = await practiceAnswersFor(db, actor.orgId, [...new Set(withVersion.flatMap((w) => questionIdsOf(w.version)))]);
  return withVersion.map(({ script, version }) => {
    const questionIds = questionIdsOf(version);
    const served = answers.filter((a) => questionIds.includes(a.questionId));
    return {
      scriptId: script.id,
      title: script.title,
      role: script.role,
      versionId: version.id,
      version: version.version,
      questions: version.sections.reduce((sum, sec) => sum + sec.items.length, 0),
      questionsWithAnswers: new Set(served.map((a) => a.questionId)).size,
      answers: served.length,
      competencies: competenciesOf(version),
    };
  });
}
