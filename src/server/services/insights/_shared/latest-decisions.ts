// The latest decision on each of some candidates, with its reasons, for the CSV exports: the most recent
// decision the actor may read under the debrief rule of @/server/access/scorecard-visibility (the one the
// comparison's "Latest outcome" column shows), in one statement. In a blind review their words name no
// candidate: not the one decided on, nor any other of the same vacancy (an override is argued against
// them), each written as their blind label.
import { z } from "zod";
import { checkedRows } from "../../_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import { DecisionOutcome } from "@/generated/prisma/enums";
import { debriefVisibleTo } from "@/server/access/scorecard-visibility";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { mayMention, nameKeys, searchableText } from "@/lib/insights/redact-name";
import { loadBlindLabels, redactCandidate, type CandidateIdentity } from "../blind-labels";

const latestDecisionRowSchema = z.object({
  candidateId: z.string(),
  vacancyId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  outcome: z.enum(DecisionOutcome),
  stage: z.string(),
  nextStage: z.string().nullable(),
  rationale: z.string(),
  isOverride: z.boolean(),
  overrideJustification: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date(),
});

export type LatestDecision = Omit<z.infer<typeof latestDecisionRowSchema>, "name" | "email" | "phone" | "vacancyId">;

const peerRowSchema = z.object({
  vacancyId: z.string(),
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
type Peer = CandidateIdentity & { id: string; label: string; keys?: string[] };

/**
 * By candidate id, their latest readable decision. `labels` (a blind review: candidate id → label) has the
 * names and contact details of the candidate and of the vacancy's other candidates taken out of the
 * rationale and justification, as from evidence notes.
 */
export async function loadLatestDecisions(
  db: Db,
  actor: Actor,
  candidateIds: string[],
  labels: ReadonlyMap<string, string> | null = null,
): Promise<Map<string, LatestDecision>> {
  if (candidateIds.length === 0) return new Map();
  const raw = await db.$queryRaw`
    SELECT DISTINCT ON (d."candidateId") d."candidateId", c."vacancyId", c."name", c."email", c."phone", d."outcome",
      st."name" AS "stage", nx."name" AS "nextStage", d."rationale", d."isOverride", d."overrideJustification",
      u."name" AS "decidedBy", d."decidedAt"
    FROM "Decision" d
    JOIN "Candidate" c ON c."id" = d."candidateId"
    JOIN "VacancyStage" st ON st."id" = d."stageId"
    LEFT JOIN "VacancyStage" nx ON nx."id" = d."nextStageId"
    LEFT JOIN "User" u ON u."id" = d."decidedById"
    WHERE d."orgId" = ${actor.orgId} AND d."candidateId" = ANY(${candidateIds}::text[])
      AND ${debriefVisibleTo(actor, Prisma.raw(`d."candidateId"`), Prisma.raw(`d."stageId"`))}
    ORDER BY d."candidateId", d."decidedAt" DESC, d."id" DESC`;
  const rows = checkedRows(latestDecisionRowSchema, raw);
  const peers = labels ? await loadPeers(db, actor.orgId, [...new Set(rows.map((r) => r.vacancyId))]) : new Map<string, Peer[]>();
  return new Map(
    rows.map(({ name, email, phone, vacancyId, ...decision }) => {
      const label = labels?.get(decision.candidateId);
      if (label === undefined) return [decision.candidateId, decision];
      const own: Peer = { id: decision.candidateId, name, email, phone, label };
      const others = (peers.get(vacancyId) ?? []).filter((p) => p.id !== own.id);
      const blind = (text: string) => withoutNames(text, own, others);
      return [
        decision.candidateId,
        {
          ...decision,
          rationale: blind(decision.rationale),
          overrideJustification: decision.overrideJustification === null ? null : blind(decision.overrideJustification),
        },
      ];
    }),
  );
}

/**
 * By vacancy, its candidates with their blind labels and what to look for of their names (erased ones have
 * no name left to hide, and "Erased candidate …" would match the labels themselves).
 */
async function loadPeers(db: Db, orgId: string, vacancyIds: string[]): Promise<Map<string, Peer[]>> {
  if (vacancyIds.length === 0) return new Map();
  const raw = await db.$queryRaw`
    SELECT c."vacancyId", c."id", c."name", c."email", c."phone"
    FROM "Candidate" c
    WHERE c."orgId" = ${orgId} AND c."vacancyId" = ANY(${vacancyIds}::text[]) AND c."anonymizedAt" IS NULL`;
  const rows = checkedRows(peerRowSchema, raw);
  const labels = await loadBlindLabels(db, orgId, rows.map((r) => r.id));
  const byVacancy = new Map<string, Peer[]>();
  for (const { vacancyId, ...peer } of rows) {
    const list = byVacancy.get(vacancyId) ?? [];
    list.push({ ...peer, label: labels.get(peer.id) ?? "Candidate", keys: nameKeys(peer.name) });
    byVacancy.set(vacancyId, list);
  }
  return byVacancy;
}

/** The text with the candidate's own identity, then every other one it may mention, replaced by their labels. */
function withoutNames(text: string, own: Peer, others: Peer[]): string {
  let result = redactCandidate(text, own, own.label);
  const searchable = searchableText(result);
  const lower = result.toLowerCase();
  for (const peer of others) {
    const contact = [peer.email, peer.phone].some((value) => value?.trim() && lower.includes(value.trim().toLowerCase()));
    if (contact || mayMention(searchable, peer.keys ?? nameKeys(peer.name))) result = redactCandidate(result, peer, peer.label);
  }
  return result;
}
