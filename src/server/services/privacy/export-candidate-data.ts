// Subject access (GDPR art. 15): one JSON document of everything Panelkit holds about a candidate in the
// organisation. Exporting is itself audited, since it hands personal data to someone.
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordAuditEvent } from "@/server/services/audit/record-audit-event";
import { listAmendments } from "@/server/services/scorecards/list-amendments";

export const CANDIDATE_EXPORT_FORMAT = "panelkit.candidate-export/1";

export async function exportCandidateData(db: Db, actor: Actor, input: { candidateId: string; now?: Date }) {
  requirePermission(actor, "candidates:privacy");
  const candidate = await db.candidate.findFirst({
    where: { id: input.candidateId, orgId: actor.orgId },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      position: true,
      status: true,
      notes: true,
      decidedAt: true,
      anonymizedAt: true,
      createdAt: true,
      updatedAt: true,
      org: { select: { name: true } },
    },
  });
  if (!candidate) throw notFound("Candidate");

  const interviews = await db.interview.findMany({
    where: { candidateId: candidate.id, orgId: actor.orgId },
    orderBy: { scheduledAt: "asc" },
    select: {
      id: true,
      scheduledAt: true,
      location: true,
      status: true,
      createdAt: true,
      scriptVersion: { select: { version: true, script: { select: { title: true, role: true } } } },
      panel: { orderBy: { addedAt: "asc" }, select: { addedAt: true, user: { select: { name: true } } } },
      invitations: {
        orderBy: { createdAt: "asc" },
        select: { email: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
      },
      scorecards: {
        orderBy: { startedAt: "asc" },
        select: {
          id: true,
          status: true,
          recommendation: true,
          summary: true,
          startedAt: true,
          submittedAt: true,
          panelist: { select: { name: true } },
          ratings: {
            orderBy: [{ item: { section: { position: "asc" } } }, { item: { position: "asc" } }, { competency: { sortOrder: "asc" } }],
            select: {
              score: true,
              notAssessed: true,
              updatedAt: true,
              item: { select: { text: true, position: true, section: { select: { title: true, position: true } } } },
              competency: { select: { name: true } },
            },
          },
          notes: {
            select: { body: true, updatedAt: true, item: { select: { text: true, position: true, section: { select: { position: true } } } } },
          },
        },
      },
    },
  });

  const interviewIds = interviews.map((i) => i.id);
  const scorecardIds = interviews.flatMap((i) => i.scorecards.map((s) => s.id));
  const [amendments, auditEvents] = await Promise.all([
    listAmendments(db, actor.orgId, scorecardIds),
    db.auditEvent.findMany({
      where: {
        orgId: actor.orgId,
        OR: [
          { entityType: "Candidate", entityId: candidate.id },
          { entityType: "Interview", entityId: { in: interviewIds } },
          { entityType: "Scorecard", entityId: { in: scorecardIds } },
        ],
      },
      orderBy: { id: "asc" },
      select: { createdAt: true, action: true, entityType: true, entityId: true, data: true, actor: { select: { name: true } } },
    }),
  ]);

  const exportedAt = input.now ?? new Date();
  const document = {
    format: CANDIDATE_EXPORT_FORMAT,
    exportedAt,
    organisation: candidate.org.name,
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      phone: candidate.phone,
      position: candidate.position,
      status: candidate.status,
      notes: candidate.notes,
      createdAt: candidate.createdAt,
      updatedAt: candidate.updatedAt,
      decidedAt: candidate.decidedAt,
      anonymisedAt: candidate.anonymizedAt,
    },
    interviews: interviews.map((i) => ({
      id: i.id,
      scheduledAt: i.scheduledAt,
      location: i.location,
      status: i.status,
      createdAt: i.createdAt,
      script: { title: i.scriptVersion.script.title, role: i.scriptVersion.script.role, version: i.scriptVersion.version },
      panel: i.panel.map((p) => ({ name: p.user.name, addedAt: p.addedAt })),
      invitations: i.invitations,
      scorecards: i.scorecards.map((s) => ({
        id: s.id,
        panelist: s.panelist.name,
        status: s.status,
        recommendation: s.recommendation,
        summary: s.summary,
        startedAt: s.startedAt,
        submittedAt: s.submittedAt,
        ratings: s.ratings.map((r) => ({
          section: r.item.section.title,
          question: r.item.text,
          competency: r.competency.name,
          score: r.score,
          notAssessed: r.notAssessed,
          updatedAt: r.updatedAt,
        })),
        evidenceNotes: [...s.notes]
          .sort((a, b) => a.item.section.position - b.item.section.position || a.item.position - b.item.position)
          .map((n) => ({ question: n.item.text, note: n.body, updatedAt: n.updatedAt })),
        amendments: (amendments.get(s.id) ?? []).map((a) => ({ at: a.at, by: a.actorName, reason: a.reason, before: a.before, after: a.after })),
      })),
    })),
    auditEvents: auditEvents.map((e) => ({
      at: e.createdAt,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      by: e.actor?.name ?? null,
      data: e.data,
    })),
  };

  // Recorded after the read so a failed export leaves no claim that data went out; counts only.
  await recordAuditEvent(db, {
    orgId: actor.orgId,
    actorId: actor.userId,
    action: "candidate.exported",
    entityType: "Candidate",
    entityId: candidate.id,
    data: { interviews: interviews.length, scorecards: scorecardIds.length },
  });
  return document;
}

/** A file name that says whose export it is without putting their name in browser download history. */
export function candidateExportFileName(candidateId: string, at: Date): string {
  return `candidate-${candidateId}-${at.toISOString().slice(0, 10)}.json`;
}
