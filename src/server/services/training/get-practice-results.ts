import { z } from "zod";
import type { MemberReadiness } from "@/lib/schemas/readiness";
import type { PracticeResultRow } from "@/lib/schemas/training";
import { practiceSessionVisibleTo } from "@/server/access/practice-visibility";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "@/server/services/_shared/checked-rows";
import { loadReadiness } from "./readiness-rules";

/** Sessions counted in a trend. */
export const TREND_SESSIONS = 5;

const rowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  scriptId: z.string(),
  scriptTitle: z.string(),
  completedAt: z.date(),
  meanAbsDiff: z.number().nullable(),
  bias: z.number().nullable(),
  separation: z.number().nullable(),
  rank: z.number().int(),
  sessions: z.number().int(),
});

/**
 * Practice results for HR and admins: per panelist and per script, the finished sessions, the last one's date
 * and figures, their readiness where the script requires practice, and the trend of the mean absolute
 * difference over the last five (oldest first); per script, how many panelists practised and their last
 * figures' mean; and for each script that requires practice, every member's readiness (the never practised
 * too), by the rule the panel manager applies. Members who left are not listed.
 */
export async function getPracticeResults(db: Db, actor: Actor) {
  requirePermission(actor, "training:manage");
  const [raw, org, requirements] = await Promise.all([
    db.$queryRaw`
      SELECT * FROM (
        SELECT ps."userId", u."name", s."id" AS "scriptId", s."title" AS "scriptTitle", ps."completedAt",
          ps."meanAbsDiff", ps."bias", ps."separation",
          (row_number() OVER (PARTITION BY ps."userId", s."id" ORDER BY ps."completedAt" DESC, ps."id"))::int AS "rank",
          (count(*) OVER (PARTITION BY ps."userId", s."id"))::int AS "sessions"
        FROM "PracticeSession" ps
        JOIN "User" u ON u."id" = ps."userId"
        JOIN "Membership" m ON m."userId" = ps."userId" AND m."orgId" = ps."orgId"
        JOIN "ScriptVersion" v ON v."id" = ps."scriptVersionId"
        JOIN "InterviewScript" s ON s."id" = v."scriptId"
        WHERE ${practiceSessionVisibleTo(actor)} AND ps."status" = 'COMPLETED'::"PracticeSessionStatus" AND ps."completedAt" IS NOT NULL
      ) ranked
      WHERE "rank" <= ${TREND_SESSIONS}
      ORDER BY "name", "userId", "scriptTitle", "scriptId", "rank"`,
    db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { practiceMaxMad: true } }),
    readinessForRequiredScripts(db, actor),
  ]);
  const memberOf = (userId: string, scriptId: string) => requirements.find((r) => r.scriptId === scriptId)?.members.find((m) => m.userId === userId);
  const sessions = checkedRows(rowSchema, raw);
  const rows: PracticeResultRow[] = [];
  for (const last of sessions.filter((s) => s.rank === 1)) {
    const recent = sessions.filter((s) => s.userId === last.userId && s.scriptId === last.scriptId).sort((a, b) => b.rank - a.rank);
    rows.push({
      userId: last.userId,
      name: last.name,
      scriptId: last.scriptId,
      scriptTitle: last.scriptTitle,
      sessions: last.sessions,
      lastPracticeAt: last.completedAt,
      readiness: memberOf(last.userId, last.scriptId)?.text ?? null,
      readinessDetail: detailOf(memberOf(last.userId, last.scriptId)),
      meanAbsDiff: last.meanAbsDiff,
      bias: last.bias,
      separation: last.separation,
      trend: recent.flatMap((s) => (s.meanAbsDiff === null ? [] : [s.meanAbsDiff])),
    });
  }
  const scripts = [...new Map(rows.map((r) => [r.scriptId, r.scriptTitle])).entries()]
    .map(([scriptId, scriptTitle]) => {
      const of = rows.filter((r) => r.scriptId === scriptId && r.meanAbsDiff !== null);
      return {
        scriptId,
        scriptTitle,
        panelists: rows.filter((r) => r.scriptId === scriptId).length,
        meanAbsDiff: of.length ? of.reduce((sum, r) => sum + r.meanAbsDiff!, 0) / of.length : null,
      };
    })
    .sort((a, b) => a.scriptTitle.localeCompare(b.scriptTitle));
  return { maxMeanAbsDiff: org.practiceMaxMad, rows, scripts, requirements };
}

function detailOf(member: MemberReadiness | undefined) {
  return member ? { status: member.status, facts: member.facts } : null;
}

/** Every member's readiness for each of the organisation's scripts (not archived) that requires practice. */
async function readinessForRequiredScripts(db: Db, actor: Actor) {
  const [scripts, members] = await Promise.all([
    db.interviewScript.findMany({
      where: { orgId: actor.orgId, practiceRequired: true, status: { not: "ARCHIVED" } },
      select: { id: true, title: true, practiceMonths: true, org: { select: { practiceMaxMad: true, practiceUnreadyMode: true } } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
    }),
    db.membership.findMany({
      where: { orgId: actor.orgId },
      select: { user: { select: { id: true, name: true } } },
      orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    }),
  ]);
  const users = members.map((m) => ({ userId: m.user.id, name: m.user.name }));
  const result: Array<{ scriptId: string; scriptTitle: string; practiceMonths: number; members: MemberReadiness[] }> = [];
  for (const script of scripts) {
    const rule = {
      scriptId: script.id,
      scriptTitle: script.title,
      practiceRequired: true,
      practiceMonths: script.practiceMonths,
      practiceMaxMad: script.org.practiceMaxMad,
      practiceUnreadyMode: script.org.practiceUnreadyMode,
    };
    result.push({ scriptId: script.id, scriptTitle: script.title, practiceMonths: script.practiceMonths, members: await loadReadiness(db, actor, rule, users) });
  }
  return result;
}
