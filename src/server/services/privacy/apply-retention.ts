// Storage limitation (GDPR art. 5(1)(e)): each organisation may set how many days after a hiring decision
// a candidate's personal data is kept. This finds every candidate past that point, in every organisation,
// and anonymises them through the same path as erasure on request.
import type { Db } from "@/server/db";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { anonymiseCandidate } from "./_shared/anonymise-candidate";
import { recordWebhookEvent } from "@/server/services/webhooks/record-webhook-event";

export const RETENTION_ACTION = "candidate.anonymised_by_retention";
const BATCH = 200;

type DueCandidate = { id: string; orgId: string; keepAnonymousRatings: boolean; retentionDays: number };

/**
 * Anonymises candidates whose decision is more than their organisation's retentionDays before `now`.
 * Idempotent: anonymised candidates are never picked again. Each candidate is its own transaction whose
 * first write is a conditional update, so two app instances running this at once never both process one.
 * When nothing is due it costs one query.
 */
export async function applyRetention(db: Db, now: Date = new Date()): Promise<{ anonymised: number }> {
  let anonymised = 0;
  const skipped = new Set<string>();
  for (;;) {
    const due = await db.$queryRaw<DueCandidate[]>`
      SELECT c.id, c."orgId", o."keepAnonymousRatings", o."retentionDays"
      FROM "Candidate" c
      JOIN "Organization" o ON o.id = c."orgId"
      WHERE o."retentionDays" IS NOT NULL
        AND c."anonymizedAt" IS NULL
        AND c."decidedAt" IS NOT NULL
        -- Prisma keeps DateTime as UTC wall time in timestamp(3) columns.
        AND c."decidedAt" < (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - make_interval(days => o."retentionDays")
      ORDER BY c."decidedAt", c.id
      LIMIT ${BATCH}`;
    const fresh = due.filter((c) => !skipped.has(c.id));
    if (fresh.length === 0) break;
    for (const candidate of fresh) {
      const done = await db.$transaction(async (tx) => {
        const counts = await anonymiseCandidate(tx, {
          candidateId: candidate.id,
          orgId: candidate.orgId,
          keepRatings: candidate.keepAnonymousRatings,
          now,
        });
        if (!counts) return false;
        await recordAuditEvent(tx, {
          orgId: candidate.orgId,
          actorId: null,
          action: RETENTION_ACTION,
          entityType: "Candidate",
          entityId: candidate.id,
          data: { retentionDays: candidate.retentionDays, ...counts },
        });
        await recordWebhookEvent(tx, { orgId: candidate.orgId, type: "candidate.erased", resource: ["Candidate", candidate.id], data: { candidateId: candidate.id, reason: "retention" } });
        return true;
      });
      if (done) anonymised++;
      // Another instance took it; don't pick it again in this run if its commit isn't visible yet.
      else skipped.add(candidate.id);
    }
    if (due.length < BATCH) break;
  }
  return { anonymised };
}
