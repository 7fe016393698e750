// Subject access (GDPR art. 15): one JSON document of everything Panelkit holds about a candidate in the
// organisation. Exporting is itself audited, since it hands personal data to someone.
//
// Scorecard content follows the one visibility rule (@/server/access/scorecard-visibility): a draft is its
// author's alone, and someone on the candidate's panel who has not submitted sees no other panelist's
// scorecard, so an ordinary export says only that such scorecards exist. The whole record, drafts included,
// goes out only as a subject-access request an admin confirms (audited as such), and never to someone who
// would learn the panel's ratings before submitting their own.
import type { ExportCandidateInput } from "@/lib/schemas/privacy";
import { roleHas } from "@/server/auth/permissions";
import type { Db } from "@/server/db";
import { visibleScorecardIds, withheldFromPendingSeats } from "@/server/access/scorecard-visibility";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { candidateDetailsSelect } from "@/server/services/candidates/_shared/candidate-select";
import { listAmendments } from "@/server/services/scorecards/list-amendments";

const CANDIDATE_EXPORT_FORMAT = "panelkit.candidate-export/1";

/** Why a scorecard's content is left out of an ordinary export. */
const EXPORT_DRAFT_WITHHELD = "Draft: its content stays with its author (a subject-access request confirmed by an admin includes it).";
const EXPORT_PANEL_WITHHELD = "Withheld: you sit on this panel and have not submitted your own scorecard.";

export async function exportCandidateData(db: Db, actor: Actor, input: ExportCandidateInput & { now?: Date }) {
  requirePermission(actor, "candidates:privacy");
  const fullRecord = input.subjectAccessRequest === true;
  if (fullRecord && !roleHas(actor.role, "org:settings")) {
    throw new AppError("FORBIDDEN", "Only an admin can confirm a subject-access request, which includes panelists' drafts.");
  }
  const candidate = await db.candidate.findFirst({
    where: { id: input.candidateId, orgId: actor.orgId },
    // Every field the candidate page shows, personal fields included: a field added to the domain schema is exported too.
    select: { ...candidateDetailsSelect, org: { select: { name: true } } },
  });
  if (!candidate) throw notFound("Candidate");
  const { org, anonymizedAt, ...held } = candidate;
  const [visibleIds, withheld] = await Promise.all([
    visibleScorecardIds(db, actor, { candidateId: candidate.id }),
    withheldFromPendingSeats(db, actor, { candidateId: candidate.id }),
  ]);
  if (fullRecord && withheld.scorecards > 0) {
    throw new AppError(
      "CONFLICT",
      "You sit on this candidate's panel and have not submitted your scorecard: submit it first, or ask another admin to export the full record.",
    );
  }
  const readable = (scorecardId: string) => fullRecord || visibleIds.has(scorecardId);
  // Ratings and notes of scorecards the export leaves out are not even read.
  const readableOnly = fullRecord ? undefined : { scorecardId: { in: [...visibleIds] } };

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
            where: readableOnly,
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
            where: readableOnly,
            select: { body: true, updatedAt: true, item: { select: { text: true, position: true, section: { select: { position: true } } } } },
          },
        },
      },
    },
  });

  const interviewIds = interviews.map((i) => i.id);
  const scorecardIds = interviews.flatMap((i) => i.scorecards.map((s) => s.id));
  const [amendments, auditEvents] = await Promise.all([
    listAmendments(db, actor.orgId, scorecardIds.filter(readable)),
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
  const withheldCount = scorecardIds.filter((id) => !readable(id)).length;
  const document = {
    format: CANDIDATE_EXPORT_FORMAT,
    exportedAt,
    kind: fullRecord ? "subject-access request (full record, confirmed by an admin)" : "organisation export",
    scorecardsWithheld: withheldCount,
    organisation: org.name,
    candidate: { ...held, anonymisedAt: anonymizedAt },
    interviews: interviews.map((i) => ({
      id: i.id,
      scheduledAt: i.scheduledAt,
      location: i.location,
      status: i.status,
      createdAt: i.createdAt,
      script: { title: i.scriptVersion.script.title, role: i.scriptVersion.script.role, version: i.scriptVersion.version },
      panel: i.panel.map((p) => ({ name: p.user.name, addedAt: p.addedAt })),
      invitations: i.invitations,
      scorecards: i.scorecards.map((s) =>
        readable(s.id)
          ? exportedScorecard(s, amendments.get(s.id) ?? [])
          : {
              id: s.id,
              panelist: s.panelist.name,
              status: s.status,
              startedAt: s.startedAt,
              submittedAt: s.submittedAt,
              contentWithheld: s.status === "DRAFT" ? EXPORT_DRAFT_WITHHELD : EXPORT_PANEL_WITHHELD,
            },
      ),
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
  await recordActorEvent(db, actor, fullRecord ? "candidate.exported_subject_access" : "candidate.exported", ["Candidate", candidate.id], {
    interviews: interviews.length,
    scorecards: scorecardIds.length,
    contentWithheld: withheldCount,
  });
  return document;
}

type LoadedScorecard = {
  id: string;
  status: string;
  recommendation: string | null;
  summary: string;
  startedAt: Date;
  submittedAt: Date | null;
  panelist: { name: string };
  ratings: Array<{
    score: number | null;
    notAssessed: boolean;
    updatedAt: Date;
    item: { text: string; position: number; section: { title: string; position: number } };
    competency: { name: string };
  }>;
  notes: Array<{ body: string; updatedAt: Date; item: { text: string; position: number; section: { position: number } } }>;
};

type Amendment = Awaited<ReturnType<typeof listAmendments>> extends Map<string, infer A> ? A : never;

function exportedScorecard(s: LoadedScorecard, amendments: Amendment) {
  return {
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
    amendments: amendments.map((a) => ({ at: a.at, by: a.actorName, reason: a.reason, before: a.before, after: a.after })),
  };
}
