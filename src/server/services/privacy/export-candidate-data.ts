// Subject access (GDPR art. 15): one JSON document of everything Panelkit holds about a person in the
// organisation: the candidacy asked from and every candidacy of the same person (vacancies, stage history,
// interviews, debriefs with their entries' reasons and panelists' comments, decisions with their rationales
// and override justifications). Exporting is itself audited, since it hands personal data to someone.
//
// Scorecard content follows the one visibility rule (@/server/access/scorecard-visibility): a draft is its
// author's alone, and someone on the candidate's panel who has not submitted sees no other panelist's
// scorecard, so an ordinary export says only that such scorecards exist. The whole record, drafts included,
// goes out only as a subject-access request an admin confirms (audited as such), and never to someone who
// would learn the panel's ratings before submitting their own: an admin with a seat not yet submitted for is
// refused while anyone else on that panel has a scorecard, a draft included, or a debrief of that stage exists.
// Debriefs and decisions follow the debrief rule beside it: one of a stage whose panel the exporter sits on
// without having submitted is withheld.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import type { ExportCandidateInput } from "@/lib/schemas/privacy";
import { roleHas } from "@/server/auth/permissions";
import type { Db } from "@/server/db";
import { debriefVisibleTo, pendingSeatInterviews, visibleScorecardIds } from "@/server/access/scorecard-visibility";
import { AppError, notFound } from "@/server/errors";
import { requirePermission, type Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { candidateDetailsSelect } from "@/server/services/candidates/_shared/candidate-select";
import { listAmendments } from "@/server/services/scorecards/list-amendments";
import { MONITORING_EXPORT_NOTE, monitoringAnswersForExport } from "./_shared/monitoring-answers-export";

const CANDIDATE_EXPORT_FORMAT = "panelkit.candidate-export/1";

/** Why a scorecard's content is left out of an ordinary export. */
const EXPORT_DRAFT_WITHHELD = "Draft: its content stays with its author (a subject-access request confirmed by an admin includes it).";
const EXPORT_SHADOW_SCORECARD = "Written by a shadow panelist, to learn: it counted in no assessment, figure or decision.";
const EXPORT_PANEL_WITHHELD = "Withheld: you sit on this panel and have not submitted your own scorecard.";
const EXPORT_DEBRIEF_WITHHELD = "Withheld: you sit on this stage's panel and have not submitted your own scorecard.";

const idRowSchema = z.object({ id: z.string() });

export async function exportCandidateData(db: Db, actor: Actor, input: ExportCandidateInput & { now?: Date }) {
  requirePermission(actor, "candidates:privacy");
  const fullRecord = input.subjectAccessRequest === true;
  if (fullRecord && !roleHas(actor.role, "org:settings")) {
    throw new AppError("FORBIDDEN", { key: "privacy.adminConfirms" });
  }
  const candidate = await db.candidate.findFirst({
    where: { id: input.candidateId, orgId: actor.orgId },
    // Every field the candidate page shows, personal fields included: a field added to the domain schema is exported too.
    select: { ...candidateDetailsSelect, personId: true, org: { select: { name: true } } },
  });
  if (!candidate) throw notFound("Candidate");
  const { org, anonymizedAt, personId, ...held } = candidate;
  // Every candidacy of the person, the one asked from first.
  const candidacies = await db.candidate.findMany({
    where: { personId, orgId: actor.orgId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      anonymizedAt: true,
      vacancy: {
        select: {
          title: true,
          department: true,
          location: true,
          status: true,
          stages: { orderBy: { position: "asc" }, take: 1, select: { name: true } },
        },
      },
      stage: { select: { name: true } },
    },
  });
  candidacies.sort((a, b) => Number(b.id === candidate.id) - Number(a.id === candidate.id));
  const candidacyIds = candidacies.map((c) => c.id);
  // The full record carries every scorecard in full: refused to an admin who would read a co-panelist's
  // ratings (even a draft's) before submitting their own. Asked again once everything is read (below).
  if (fullRecord) await refuseFullRecordBesidePendingSeat(db, actor, candidacyIds);
  const [visibleSets, visibleDebriefRows] = await Promise.all([
    Promise.all(candidacyIds.map((id) => visibleScorecardIds(db, actor, { candidateId: id }))),
    db
      .$queryRaw(
        Prisma.sql`SELECT dbr."id" FROM "Debrief" dbr WHERE dbr."orgId" = ${actor.orgId} AND dbr."candidateId" = ANY(${candidacyIds}::text[])
          AND ${debriefVisibleTo(actor, Prisma.raw(`dbr."candidateId"`), Prisma.raw(`dbr."stageId"`))}`,
      )
      .then((rows) => checkedRows(idRowSchema, rows)),
  ]);
  const visibleIds = new Set(visibleSets.flatMap((set) => [...set]));
  const visibleDebriefs = new Set(visibleDebriefRows.map((r) => r.id));
  const readable = (scorecardId: string) => fullRecord || visibleIds.has(scorecardId);
  // Ratings and notes of scorecards the export leaves out are not even read.
  const readableOnly = fullRecord ? undefined : { scorecardId: { in: [...visibleIds] } };

  const interviews = await db.interview.findMany({
    where: { candidateId: { in: candidacyIds }, orgId: actor.orgId },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      candidateId: true,
      stage: { select: { name: true } },
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
        // A shadow's scorecard is no part of the candidate's assessment: left out of an organisation export
        // altogether. A subject-access request is the person's right to everything held on them: it has it,
        // marked as a shadow's.
        where: fullRecord ? undefined : { shadow: false },
        orderBy: { startedAt: "asc" },
        select: {
          id: true,
          shadow: true,
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
  const debriefs = await db.debrief.findMany({
    where: { candidateId: { in: candidacyIds }, orgId: actor.orgId },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    select: debriefExportSelect,
  });
  const debriefReadable = (id: string) => fullRecord || visibleDebriefs.has(id);
  const debriefIds = debriefs.map((d) => d.id);
  const decisionIds = debriefs.flatMap((d) => (d.decision ? [d.decision.id] : []));
  const [amendments, auditEvents] = await Promise.all([
    listAmendments(db, actor.orgId, scorecardIds.filter(readable)),
    db.auditEvent.findMany({
      where: {
        orgId: actor.orgId,
        OR: [
          { entityType: "Candidate", entityId: { in: candidacyIds } },
          { entityType: "Interview", entityId: { in: interviewIds } },
          { entityType: "Scorecard", entityId: { in: scorecardIds } },
          { entityType: "Debrief", entityId: { in: debriefIds } },
          { entityType: "Decision", entityId: { in: decisionIds } },
        ],
      },
      orderBy: { id: "asc" },
      select: { createdAt: true, action: true, entityType: true, entityId: true, data: true, actor: { select: { name: true } } },
    }),
  ]);

  if (fullRecord) {
    // A scorecard made (or a seat taken) while the record was being read is asked about again; and a debrief the
    // rule withholds from the admin (a seat at its stage not yet submitted for) would tell them the panel's ratings.
    await refuseFullRecordBesidePendingSeat(db, actor, candidacyIds);
    if (debriefs.some((d) => !visibleDebriefs.has(d.id))) throw new AppError("CONFLICT", { key: "privacy.submitFirst" });
  }

  // Equal-opportunities answers go only to the person themself (a subject-access request), never in an organisation export.
  const monitoring = fullRecord ? await monitoringAnswersForExport(db, actor.orgId, candidacyIds) : [];

  const exportedAt = input.now ?? new Date();
  const withheldCount = scorecardIds.filter((id) => !readable(id)).length;
  const document = {
    format: CANDIDATE_EXPORT_FORMAT,
    exportedAt,
    kind: fullRecord ? "subject-access request (full record, confirmed by an admin)" : "organisation export",
    scorecardsWithheld: withheldCount,
    organisation: org.name,
    candidate: { ...held, anonymisedAt: anonymizedAt },
    candidacies: candidacies.map((c) => {
      const own = debriefs.filter((d) => d.candidateId === c.id);
      const readableDebriefs = own.filter((d) => debriefReadable(d.id));
      const decisions = readableDebriefs.flatMap((d) => (d.decision ? [exportedDecision(d.stage.name, d.decision)] : []));
      return {
        id: c.id,
        vacancy: { title: c.vacancy.title, department: c.vacancy.department, location: c.vacancy.location, status: c.vacancy.status },
        status: c.status,
        appliedAt: c.createdAt,
        decidedAt: c.decidedAt,
        anonymisedAt: c.anonymizedAt,
        currentStage: c.stage?.name ?? null,
        stageHistory: stageHistory(
          { appliedAt: c.createdAt, firstStage: c.vacancy.stages[0]?.name ?? null },
          interviews.filter((i) => i.candidateId === c.id),
          decisions,
        ),
        debriefs: own.map((d) =>
          debriefReadable(d.id)
            ? exportedDebrief(d)
            : { id: d.id, stage: d.stage.name, status: d.status, openedAt: d.openedAt, contentWithheld: EXPORT_DEBRIEF_WITHHELD },
        ),
        decisions,
      };
    }),
    interviews: interviews.map((i) => ({
      id: i.id,
      candidacyId: i.candidateId,
      stage: i.stage?.name ?? null,
      scheduledAt: i.scheduledAt,
      location: i.location,
      status: i.status,
      createdAt: i.createdAt,
      script: { title: i.scriptVersion.script.title, role: i.scriptVersion.script.role, version: i.scriptVersion.version },
      panel: i.panel.map((p) => ({ name: p.user.name, addedAt: p.addedAt })),
      invitations: i.invitations,
      scorecards: i.scorecards.map((s) =>
        readable(s.id)
          ? { ...exportedScorecard(s, amendments.get(s.id) ?? []), ...(s.shadow ? { shadow: EXPORT_SHADOW_SCORECARD } : {}) }
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
    ...(fullRecord ? { equalOpportunitiesMonitoring: { note: MONITORING_EXPORT_NOTE, responses: monitoring } } : {}),
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
    candidacies: candidacies.length,
    interviews: interviews.length,
    scorecards: scorecardIds.length,
    debriefs: debriefs.length,
    contentWithheld: withheldCount,
  });
  return document;
}

/**
 * Refuses the full record (CONFLICT) while the actor holds a pending seat on an interview of these candidacies
 * beside anyone else's scorecard there: submitted or draft, a shadow's too, with content or not yet. Any
 * scorecard rather than only one with ratings or notes: a draft is filled in while the export is read, so
 * "empty when asked" does not mean empty when exported, and no second definition of a scorecard's content has
 * to be kept in step with what a scorecard holds. Only the admin's own scorecard, or none, lets it through.
 */
async function refuseFullRecordBesidePendingSeat(db: Db, actor: Actor, candidacyIds: string[]): Promise<void> {
  const raw = await db.$queryRaw`
    SELECT sc."id" FROM "Scorecard" sc
    JOIN "Interview" i ON i."id" = sc."interviewId"
    WHERE i."orgId" = ${actor.orgId} AND i."candidateId" = ANY(${candidacyIds}::text[])
      AND sc."panelistId" <> ${actor.userId}
      AND sc."interviewId" IN (${pendingSeatInterviews(actor)})
    LIMIT 1`;
  if (checkedRows(idRowSchema, raw).length > 0) throw new AppError("CONFLICT", { key: "privacy.submitFirst" });
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

const debriefExportSelect = {
  id: true,
  candidateId: true,
  status: true,
  openedAt: true,
  closedAt: true,
  openedEarlyReason: true,
  stage: { select: { name: true } },
  chair: { select: { name: true } },
  entries: {
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    select: {
      kind: true,
      rating: true,
      meanBefore: true,
      valueAfter: true,
      reason: true,
      recordedAt: true,
      item: { select: { text: true } },
      competency: { select: { name: true } },
      recordedBy: { select: { name: true } },
    },
  },
  comments: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      body: true,
      createdAt: true,
      item: { select: { text: true } },
      competency: { select: { name: true } },
      author: { select: { name: true } },
    },
  },
  corrections: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { reason: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
  },
  decision: {
    select: {
      id: true,
      outcome: true,
      rationale: true,
      isOverride: true,
      overrideJustification: true,
      weightedScore: true,
      mechanicalRank: true,
      rankedOf: true,
      decidedAt: true,
      nextStage: { select: { name: true } },
      decidedBy: { select: { name: true } },
    },
  },
} satisfies Prisma.DebriefSelect;

type LoadedDebrief = Prisma.DebriefGetPayload<{ select: typeof debriefExportSelect }>;
type LoadedDecision = NonNullable<LoadedDebrief["decision"]>;

function exportedDecision(stage: string, d: LoadedDecision) {
  return {
    stage,
    outcome: d.outcome,
    nextStage: d.nextStage?.name ?? null,
    rationale: d.rationale,
    isOverride: d.isOverride,
    overrideJustification: d.overrideJustification,
    weightedScore: d.weightedScore,
    mechanicalRank: d.mechanicalRank,
    rankedOf: d.rankedOf,
    decidedBy: d.decidedBy?.name ?? null,
    decidedAt: d.decidedAt,
  };
}

function exportedDebrief(d: LoadedDebrief) {
  return {
    id: d.id,
    stage: d.stage.name,
    status: d.status,
    chair: d.chair?.name ?? null,
    openedAt: d.openedAt,
    closedAt: d.closedAt,
    openedEarlyReason: d.openedEarlyReason,
    entries: d.entries.map((e) => ({
      question: e.item.text,
      competency: e.competency.name,
      kind: e.kind,
      rating: e.rating,
      meanBefore: e.meanBefore,
      valueAfter: e.valueAfter,
      reason: e.reason,
      recordedBy: e.recordedBy?.name ?? null,
      recordedAt: e.recordedAt,
    })),
    comments: d.comments.map((c) => ({
      question: c.item.text,
      competency: c.competency.name,
      by: c.author?.name ?? null,
      comment: c.body,
      at: c.createdAt,
    })),
    corrections: d.corrections.map((c) => ({ at: c.createdAt, by: c.actor?.name ?? null, reason: c.reason, before: c.before, after: c.after })),
    decision: d.decision ? exportedDecision(d.stage.name, d.decision) : null,
  };
}

/**
 * A candidacy's way through the interview plan, oldest first: applying (at the plan's first stage), each
 * interview at its stage, and each decision with its outcome (an advance names the stage moved to).
 */
function stageHistory(
  start: { appliedAt: Date; firstStage: string | null },
  interviews: ReadonlyArray<{ scheduledAt: Date; status: string; stage: { name: string } | null }>,
  decisions: ReadonlyArray<ReturnType<typeof exportedDecision>>,
) {
  type Step = { at: Date; stage: string; event: string; outcome?: string; nextStage?: string | null };
  const steps: Step[] = [];
  if (start.firstStage) steps.push({ at: start.appliedAt, stage: start.firstStage, event: "applied" });
  for (const i of interviews) {
    if (i.stage) steps.push({ at: i.scheduledAt, stage: i.stage.name, event: `interview (${i.status.toLowerCase()})` });
  }
  for (const d of decisions) steps.push({ at: d.decidedAt, stage: d.stage, event: "decision", outcome: d.outcome, nextStage: d.nextStage });
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}
