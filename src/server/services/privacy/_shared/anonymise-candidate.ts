// The one path that removes a candidacy's personal data, used by erasure on request (for each of the
// person's candidacies) and by the retention job. The candidate row stays as a tombstone (anonymous label,
// vacancy, stage, status, dates) so lists, the audit trail, kept ratings and decisions still have something
// to point at; nothing in it identifies the person. What the panel wrote about them in debriefs (reasons,
// comments, rationales, justifications, corrections) goes the way of evidence notes.
import type { Prisma } from "@/generated/prisma/client";
import { erasedContact } from "@/lib/schemas/candidates";

type Tx = Prisma.TransactionClient;

/** What erasing a candidate needs to know first: whether they already were, and what the organisation keeps. */
export const erasableCandidateSelect = {
  id: true,
  personId: true,
  anonymizedAt: true,
  org: { select: { keepAnonymousRatings: true } },
} satisfies Prisma.CandidateSelect;

export const ERASED_NAME_PREFIX = "Erased candidate";

/** "Erased candidate 7f3k2q": stable, short, and tells two erased candidates apart without naming anyone. */
export function erasedCandidateName(candidateId: string): string {
  return `${ERASED_NAME_PREFIX} ${candidateId.slice(-6)}`;
}

export type AnonymisationCounts = {
  /** "ratings_kept": submitted ratings and recommendations stay, anonymous; "deleted": interviews and scorecards removed. */
  mode: "ratings_kept" | "deleted";
  interviews: number;
  scorecards: number;
  notes: number;
  /** Debriefs of the candidacy: deleted, or with "ratings_kept" kept with their words blanked. */
  debriefs: number;
  /** Decisions on the candidacy: deleted with their debriefs, or kept with rationale and justification blanked. */
  decisions: number;
};

/**
 * Anonymises one candidacy inside the caller's transaction. The first statement is a conditional update
 * (anonymizedAt still null), so of two concurrent runs only one does the work; the other gets null.
 *
 * Always removed: name (replaced by the anonymous label), every personal field of candidateContactSchema
 * (email, phone, notes: each left as the form stores a blank field), evidence notes, scorecard
 * summaries, the words of amendments (reasons, notes, summaries), interview locations, invitations to their
 * interviews, equal-opportunities answers and links to that form, and every word of their debriefs: entries' reasons, panelists' comments, the reason for
 * opening early, decisions' rationales and override justifications, corrections' reasons and texts. With
 * keepRatings, submitted scorecards keep their numeric ratings and recommendation, and debriefs and
 * decisions stay (outcome, override flag, consensus ratings, figures, dates) with their words blanked;
 * drafts go, and upcoming interviews are cancelled. Without it, the candidate's interviews go with
 * everything under them, and their debriefs with their entries, comments, corrections and decisions.
 */
export async function anonymiseCandidate(
  tx: Tx,
  input: { candidateId: string; orgId: string; keepRatings: boolean; now: Date },
): Promise<AnonymisationCounts | null> {
  const claimed = await tx.candidate.updateMany({
    where: { id: input.candidateId, orgId: input.orgId, anonymizedAt: null },
    data: { ...erasedContact, name: erasedCandidateName(input.candidateId), anonymizedAt: input.now },
  });
  if (claimed.count === 0) return null;
  // Equal-opportunities answers and the links to the form go with the person, whatever the organisation keeps.
  await tx.monitoringResponse.deleteMany({ where: { candidateId: input.candidateId } });
  await tx.monitoringInvite.deleteMany({ where: { candidateId: input.candidateId } });

  const interviews = await tx.interview.findMany({ where: { candidateId: input.candidateId }, select: { id: true } });
  const interviewIds = interviews.map((i) => i.id);
  const ofInterviews = { interviewId: { in: interviewIds } };
  const notes = await tx.scorecardNote.deleteMany({ where: { scorecard: ofInterviews } });
  const ofCandidate = { candidateId: input.candidateId };
  const [debriefs, decisions] = await Promise.all([tx.debrief.count({ where: ofCandidate }), tx.decision.count({ where: ofCandidate })]);

  if (!input.keepRatings) {
    const scorecards = await tx.scorecard.count({ where: ofInterviews });
    // Cascades to panel seats, scorecards, ratings and invitations.
    await tx.interview.deleteMany({ where: { id: { in: interviewIds } } });
    // Cascades to entries, comments, corrections and the decision.
    await tx.debrief.deleteMany({ where: ofCandidate });
    return { mode: "deleted", interviews: interviewIds.length, scorecards, notes: notes.count, debriefs, decisions };
  }

  await blankDebriefWords(tx, input.candidateId);

  await tx.scorecard.deleteMany({ where: { ...ofInterviews, status: "DRAFT" } });
  const kept = await tx.scorecard.updateMany({ where: ofInterviews, data: { summary: "" } });
  // Amendments keep their numbers (rating and recommendation changes) but lose their words.
  await tx.$executeRaw`
    UPDATE "ScorecardAmendment" a
    SET "reason" = '', "before" = a."before" - 'notes' - 'summary', "after" = a."after" - 'notes' - 'summary'
    FROM "Scorecard" s
    WHERE s."id" = a."scorecardId" AND s."interviewId" = ANY(${interviewIds}::text[])`;
  await tx.invitation.deleteMany({ where: ofInterviews });
  await tx.interview.updateMany({ where: { id: { in: interviewIds } }, data: { location: "" } });
  await tx.interview.updateMany({ where: { id: { in: interviewIds }, status: "SCHEDULED" }, data: { status: "CANCELLED" } });
  return { mode: "ratings_kept", interviews: interviewIds.length, scorecards: kept.count, notes: notes.count, debriefs, decisions };
}

/**
 * Blanks every word written in the candidacy's debriefs, keeping the rows and their numbers: what a
 * consensus or keep-the-mean entry did to the figure, the decision's outcome and whether it overrode the
 * formula (an override keeps an empty justification, so it still shows that one was given).
 */
async function blankDebriefWords(tx: Tx, candidateId: string): Promise<void> {
  const ofDebriefs = { debrief: { candidateId } };
  await tx.debriefEntry.updateMany({ where: ofDebriefs, data: { reason: "" } });
  await tx.debriefComment.updateMany({ where: ofDebriefs, data: { body: "" } });
  await tx.debrief.updateMany({ where: { candidateId, openedEarlyReason: { not: null } }, data: { openedEarlyReason: "" } });
  await tx.decision.updateMany({ where: { candidateId }, data: { rationale: "" } });
  await tx.decision.updateMany({ where: { candidateId, overrideJustification: { not: null } }, data: { overrideJustification: "" } });
  const corrections = await tx.debriefCorrection.findMany({ where: ofDebriefs, select: { id: true, before: true, after: true } });
  for (const correction of corrections) {
    await tx.debriefCorrection.update({
      where: { id: correction.id },
      data: { reason: "", before: withoutWords(correction.before), after: withoutWords(correction.after) },
    });
  }
}

/** Keys whose text a correction keeps: ids, dates and codes, which say nothing about the person. */
const KEPT_TEXT_KEY = /(^id$|Id$|At$|^outcome$|^kind$|^status$|^field$)/;

/**
 * A correction's before or after with every other text blanked (rationales, justifications, reasons, comments,
 * whatever the key): numbers, flags, nulls and the structure stay, as amendments keep their numbers.
 */
export function withoutWords(value: Prisma.JsonValue, key = ""): Prisma.InputJsonValue {
  if (typeof value === "string") return KEPT_TEXT_KEY.test(key) ? value : "";
  if (Array.isArray(value)) return value.map((item) => withoutWords(item, key)) as Prisma.InputJsonArray;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null ? null : withoutWords(v ?? null, k)]));
  }
  // A null at the top level has no JSON-null input value here: write it as an empty object instead.
  return value ?? {};
}
