// Who reads practice results and reference ratings (panel training, issue 19). Practice data is not scorecard
// content (no candidate is rated), so it has its own short rule, written once here:
//
//   1. a member's practice sessions and their figures are seen by that member, and by the roles that manage
//      training (HR and admins: training:manage); never by other members, who meet NOT_FOUND;
//   2. an organisation's practice answer is read by its managers and by the reference raters chosen for it;
//      a reference rater sees no other rater's ratings (nor the consensus drawn from them) until they have
//      submitted their own, whatever their role.
//
// Another organisation's records are NOT_FOUND (every query is scoped to the actor's organisation).
import { Prisma } from "@/generated/prisma/client";
import { roleHas } from "@/server/auth/permissions";
import type { Actor } from "@/server/services/actor";

export const managesTraining = (actor: Actor) => roleHas(actor.role, "training:manage");

/** Rule 1: whether the actor may read the practice results of the member `userId` (in the actor's organisation). */
export function seesPracticeResultsOf(actor: Actor, userId: string): boolean {
  return actor.userId === userId || managesTraining(actor);
}

/** Rule 1 as SQL, on a PracticeSession alias. */
export function practiceSessionVisibleTo(actor: Actor, ps: Prisma.Sql = Prisma.raw("ps")): Prisma.Sql {
  return managesTraining(actor)
    ? Prisma.sql`(${ps}."orgId" = ${actor.orgId})`
    : Prisma.sql`(${ps}."orgId" = ${actor.orgId} AND ${ps}."userId" = ${actor.userId})`;
}

/** Rule 2: whether the actor reads an answer at all (managers, and the answer's reference raters). */
export function readsPracticeAnswer(actor: Actor, seat: { isRater: boolean }): boolean {
  return managesTraining(actor) || seat.isRater;
}

/** Rule 2: whether the other raters' ratings, and the consensus, are shown to the actor. */
export function seesOtherReferenceRatings(actor: Actor, seat: { isRater: boolean; submitted: boolean }): boolean {
  if (seat.isRater) return seat.submitted;
  return managesTraining(actor);
}

export const REFERENCES_WITHHELD_UNTIL_OWN =
  "You are a reference rater for this answer: the other raters' ratings stay hidden until you submit your own.";
