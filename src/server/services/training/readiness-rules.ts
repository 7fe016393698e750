// Readiness for a script that requires practice: a panelist is ready when they completed a practice session
// on any version of the script within the script's practiceMonths, with a mean absolute difference from the
// reference ratings at or under the organisation's practiceMaxMad. The rule (judgeReadiness) is pure; the
// lookups below feed it from the database, and the panel checks (scheduling, changing a panel) use them.
import type { Prisma } from "@/generated/prisma/client";
import type { PracticeUnreadyMode } from "@/generated/prisma/enums";
import type { MemberReadiness, ReadinessStatus, UnreadyWarning } from "@/lib/schemas/readiness";
import type { Db } from "@/server/db";
import { seesPracticeResultsOf } from "@/server/access/practice-visibility";
import { appError, type ErrorText } from "@/server/errors";
import { agoOf } from "@/lib/training/readiness-words";
import type { Actor } from "@/server/services/actor";

type Client = Db | Prisma.TransactionClient;

export type PractiseRecord = { completedAt: Date; meanAbsDiff: number };
export type ReadinessRule = { practiceMonths: number; practiceMaxMad: number };
/**
 * What `text` says, for a page to word it in its reader's language: days since the session it names (null
 * for never), the figure it was off by (null when not shown), the threshold and the window in months.
 */
export type ReadinessFacts = { days: number | null; off: number | null; maxMad: number; months: number };
export type Readiness = { status: ReadinessStatus; text: string; lastPractisedAt: Date | null; facts?: ReadinessFacts };

const daysSince = (then: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - then.getTime()) / 86_400_000));

/** Shows a figure the way people read it: 1.1, 0.75, 2 (two decimals at most, no trailing zeros). */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The start of the window: `months` calendar months before `now`. */
export function windowStart(now: Date, months: number): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - months);
  return start;
}

/** "today", "3 days ago", "2 weeks ago", "a month ago", "14 months ago". */
export function ago(then: Date, now: Date): string {
  const { key, n } = agoOf(daysSince(then, now));
  return { today: "today", yesterday: "yesterday", days: `${n} days ago`, weeks: `${n} weeks ago`, month: "a month ago", months: `${n} months ago` }[key];
}

/**
 * Whether a panelist is ready, from their completed practice sessions on the script (any order): ready on an
 * accurate session in the window; otherwise why not, naming the latest session (in the window when there is
 * one) and the threshold. `showFigure` false leaves the panelist's accuracy out of the words (it is theirs,
 * HR's and admins' to see), keeping the threshold.
 */
export function judgeReadiness(sessions: readonly PractiseRecord[], rule: ReadinessRule, now: Date, showFigure = true): Readiness {
  const latest = [...sessions].sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
  const last = latest[0];
  const facts = (then: Date | null, off: number | null = null): ReadinessFacts => ({
    days: then ? daysSince(then, now) : null,
    off,
    maxMad: rule.practiceMaxMad,
    months: rule.practiceMonths,
  });
  if (!last) return { status: "NEVER", text: "Never practised", lastPractisedAt: null, facts: facts(null) };
  const from = windowStart(now, rule.practiceMonths);
  const recent = latest.filter((s) => s.completedAt >= from);
  // Compare what is shown: a session off by 0.754 reads "0.75" and passes a 0.75 threshold.
  const accurate = recent.find((s) => Math.round(s.meanAbsDiff * 100) / 100 <= rule.practiceMaxMad);
  if (accurate) return { status: "READY", text: "Ready", lastPractisedAt: last.completedAt, facts: facts(last.completedAt) };
  const needs = `needs ≤ ${formatPoints(rule.practiceMaxMad)}`;
  const recentLast = recent[0];
  if (recentLast) {
    const off = showFigure ? `off by ${formatPoints(recentLast.meanAbsDiff)}` : "not yet accurate enough";
    return {
      status: "INACCURATE",
      text: `Practised ${ago(recentLast.completedAt, now)}, ${off} (${needs})`,
      lastPractisedAt: last.completedAt,
      facts: facts(recentLast.completedAt, showFigure ? Math.round(recentLast.meanAbsDiff * 100) / 100 : null),
    };
  }
  const months = rule.practiceMonths === 1 ? "the last month" : `the last ${rule.practiceMonths} months`;
  return {
    status: "STALE",
    text: `Last practised ${ago(last.completedAt, now)} (needs a session within ${months})`,
    lastPractisedAt: last.completedAt,
    facts: facts(last.completedAt),
  };
}

export type ScriptRule = ReadinessRule & {
  scriptId: string;
  scriptTitle: string;
  practiceRequired: boolean;
  practiceUnreadyMode: PracticeUnreadyMode;
};

/** The script's requirement with the organisation's threshold and mode; null when the script is not the org's. */
export async function loadScriptRule(client: Client, orgId: string, scriptId: string): Promise<ScriptRule | null> {
  const script = await client.interviewScript.findFirst({
    where: { id: scriptId, orgId },
    select: {
      id: true,
      title: true,
      practiceRequired: true,
      practiceMonths: true,
      org: { select: { practiceMaxMad: true, practiceUnreadyMode: true } },
    },
  });
  if (!script) return null;
  return {
    scriptId: script.id,
    scriptTitle: script.title,
    practiceRequired: script.practiceRequired,
    practiceMonths: script.practiceMonths,
    practiceMaxMad: script.org.practiceMaxMad,
    practiceUnreadyMode: script.org.practiceUnreadyMode,
  };
}

/** Each user's readiness for the script (every user asked for gets an entry). */
export async function loadReadiness(
  client: Client,
  actor: Actor,
  rule: ScriptRule,
  users: readonly { userId: string; name: string }[],
  now = new Date(),
): Promise<MemberReadiness[]> {
  const sessions = users.length
    ? await client.practiceSession.findMany({
        where: {
          orgId: actor.orgId,
          userId: { in: users.map((u) => u.userId) },
          status: "COMPLETED",
          completedAt: { not: null },
          meanAbsDiff: { not: null },
          scriptVersion: { scriptId: rule.scriptId },
        },
        select: { userId: true, completedAt: true, meanAbsDiff: true },
      })
    : [];
  const byUser = new Map<string, PractiseRecord[]>();
  for (const s of sessions) {
    if (!s.completedAt || s.meanAbsDiff === null) continue;
    const list = byUser.get(s.userId) ?? [];
    list.push({ completedAt: s.completedAt, meanAbsDiff: s.meanAbsDiff });
    byUser.set(s.userId, list);
  }
  return users.map((u) => ({
    userId: u.userId,
    name: u.name,
    ...judgeReadiness(byUser.get(u.userId) ?? [], rule, now, seesPracticeResultsOf(actor, u.userId)),
  }));
}

/**
 * The readiness check when people join a panel of the script version: nothing when the script doesn't require
 * practice or everyone added is ready; otherwise refuses (REFUSE) naming each unready panelist and why, or
 * returns them as warnings (WARN).
 */
export async function checkPanelReadiness(
  tx: Prisma.TransactionClient,
  actor: Actor,
  scriptVersionId: string,
  addedUserIds: readonly string[],
  field: string,
): Promise<UnreadyWarning[]> {
  if (addedUserIds.length === 0) return [];
  const version = await tx.scriptVersion.findUnique({ where: { id: scriptVersionId }, select: { scriptId: true } });
  const rule = version ? await loadScriptRule(tx, actor.orgId, version.scriptId) : null;
  if (!rule?.practiceRequired) return [];
  const users = await tx.user.findMany({ where: { id: { in: [...addedUserIds] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const readiness = await loadReadiness(
    tx,
    actor,
    rule,
    addedUserIds.map((userId) => ({ userId, name: names.get(userId) ?? "A panelist" })),
  );
  const unready = readiness
    .filter((r) => r.status !== "READY")
    .map((r) => ({ userId: r.userId, name: r.name, text: r.text, status: r.status, facts: r.facts }));
  if (unready.length && rule.practiceUnreadyMode === "REFUSE") {
    throw unreadyRefusal(rule, unready, field);
  }
  return unready;
}

const points = (value: number) => Math.round(value * 100) / 100;

/** Why a panelist is not ready, as a message of errors.json (`text` in lower case, in the reader's language). */
export function unreadyReason(r: Pick<Readiness, "status" | "facts">): ErrorText {
  const facts = r.facts!;
  const when = facts.days === null ? null : agoOf(facts.days);
  const ago: ErrorText = when ? { key: `readiness.ago.${when.key}`, values: { n: when.n } } : { key: "readiness.ago.today", values: { n: 0 } };
  const max = points(facts.maxMad);
  if (r.status === "NEVER") return { key: "readiness.never" };
  if (r.status === "STALE") return { key: "readiness.stale", values: { ago, months: facts.months } };
  return facts.off === null ? { key: "readiness.inaccurateHidden", values: { ago, max } } : { key: "readiness.inaccurate", values: { ago, off: facts.off, max } };
}

/** The refusal (REFUSE) naming each unready panelist and why, worded in the reader's language. */
export function unreadyRefusal(
  rule: Pick<ScriptRule, "scriptTitle" | "practiceMonths" | "practiceMaxMad">,
  unready: readonly Pick<MemberReadiness, "name" | "status" | "facts">[],
  field?: string,
) {
  const values = { script: rule.scriptTitle, months: rule.practiceMonths, max: points(rule.practiceMaxMad), who: whoList(unready) };
  return appError("CONFLICT", "readiness.refused", values, field);
}

/** "Ann (never practised); Bo (practised …)": each unready panelist and why, joined by "; " (nested, as messages). */
function whoList(unready: readonly Pick<MemberReadiness, "name" | "status" | "facts">[]): ErrorText {
  const one = (u: (typeof unready)[number]): ErrorText => ({ key: "readiness.who", values: { name: u.name, reason: unreadyReason(u) } });
  return unready.slice(0, -1).reduceRight<ErrorText>((rest, u) => ({ key: "readiness.whoMore", values: { first: one(u), rest } }), one(unready.at(-1)!));
}
