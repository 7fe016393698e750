// Demo rows gathered in memory and written with one insert per table, so seeding the demo costs a handful of
// round trips instead of several per candidate. Ids are made here (the app never parses them).
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Recommendation } from "@/generated/prisma/enums";
import type { DemoNote, DemoRating } from "./demo-scorecards";

type Tx = Prisma.TransactionClient;

export const demoId = () => randomUUID();

export class DemoRows {
  readonly people: Prisma.PersonCreateManyInput[] = [];
  readonly candidates: Prisma.CandidateCreateManyInput[] = [];
  readonly interviews: Prisma.InterviewCreateManyInput[] = [];
  readonly panel: Prisma.PanelMemberCreateManyInput[] = [];
  readonly scorecards: Prisma.ScorecardCreateManyInput[] = [];
  readonly ratings: Prisma.RatingCreateManyInput[] = [];
  readonly notes: Prisma.ScorecardNoteCreateManyInput[] = [];

  person(orgId: string, createdAt?: Date): string {
    const id = demoId();
    this.people.push({ id, orgId, ...(createdAt ? { createdAt } : {}) });
    return id;
  }

  candidate(data: Omit<Prisma.CandidateCreateManyInput, "id">): string {
    const id = demoId();
    this.candidates.push({ ...data, id });
    return id;
  }

  interview(data: Omit<Prisma.InterviewCreateManyInput, "id">, panel: string[]): string {
    const id = demoId();
    this.interviews.push({ ...data, id });
    this.panel.push(...panel.map((userId) => ({ interviewId: id, userId })));
    return id;
  }

  submittedScorecard(data: {
    orgId: string;
    interviewId: string;
    panelistId: string;
    recommendation: Recommendation;
    summary: string;
    startedAt: Date;
    submittedAt: Date;
    ratings: DemoRating[];
    notes: DemoNote[];
  }): string {
    const id = demoId();
    const { ratings, notes, ...card } = data;
    this.scorecards.push({ ...card, id, status: "SUBMITTED" });
    this.ratings.push(...ratings.map((r) => ({ ...r, scorecardId: id })));
    this.notes.push(...notes.map((n) => ({ ...n, scorecardId: id })));
    return id;
  }

  /**
   * Inserts everything gathered, parents first. Scorecards go in as drafts with their ratings and are then
   * submitted in one statement, as a submit does: the database's triggers count them into the insight
   * tallies and the candidates' figures once, not once per rating insert.
   */
  async write(tx: Tx) {
    if (this.people.length) await tx.person.createMany({ data: this.people });
    if (this.candidates.length) await tx.candidate.createMany({ data: this.candidates });
    if (this.interviews.length) await tx.interview.createMany({ data: this.interviews });
    if (this.panel.length) await tx.panelMember.createMany({ data: this.panel });
    if (!this.scorecards.length) return;
    await tx.scorecard.createMany({ data: this.scorecards.map((card) => ({ ...card, status: "DRAFT" as const })) });
    if (this.ratings.length) await tx.rating.createMany({ data: this.ratings });
    if (this.notes.length) await tx.scorecardNote.createMany({ data: this.notes });
    await tx.scorecard.updateMany({ where: { id: { in: this.scorecards.map((card) => card.id!) } }, data: { status: "SUBMITTED" } });
  }
}

type BankQuestion = { id: string; text: string; howToAnswer: string; exampleAnswer: string; competencies: Array<{ competencyId: string }> };

/** A section's items as snapshots of bank questions (two inserts); returns them in order with their competencies. */
export async function createSnapshotItems(
  tx: Tx,
  sectionId: string,
  questions: BankQuestion[],
  fields: { minutes: number; probes: string[] },
): Promise<Array<{ id: string; competencyIds: string[] }>> {
  const items = questions.map((q, position) => ({ id: demoId(), q, position }));
  await tx.scriptItem.createMany({
    data: items.map(({ id, q, position }) => ({
      id,
      sectionId,
      position,
      questionId: q.id,
      text: q.text,
      minutes: fields.minutes,
      goodAnswer: q.howToAnswer,
      exampleAnswer: q.exampleAnswer,
      probes: fields.probes,
    })),
  });
  await tx.scriptItemCompetency.createMany({
    data: items.flatMap(({ id, q }) => q.competencies.map((c, position) => ({ itemId: id, competencyId: c.competencyId, position }))),
  });
  return items.map(({ id, q }) => ({ id, competencyIds: q.competencies.map((c) => c.competencyId) }));
}
