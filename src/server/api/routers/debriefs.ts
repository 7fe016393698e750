// Debriefs and decisions: the chair opens a candidate's debrief at a stage, the panel reads the mechanical
// result and the queue of disagreements (live), the chair records entries and the outcome, and corrects a
// closed debrief. Who reads what is the one access rule (src/server/access/); chairs are the vacancy's
// hiring managers and admins.
import {
  candidateDebriefsInput,
  candidateDebriefsOutput,
  commentOnDebriefInput,
  commentOnDebriefOutput,
  correctDebriefInput,
  correctDebriefOutput,
  debriefIdInput,
  debriefOutput,
  decideDebriefInput,
  decideDebriefOutput,
  openDebriefInput,
  openDebriefOutput,
  recordDebriefEntryInput,
  recordDebriefEntryOutput,
} from "@/lib/schemas/debriefs";
import { commentOnDebrief } from "@/server/services/debriefs/comment-on-debrief";
import { correctDebrief } from "@/server/services/debriefs/correct-debrief";
import { decideDebrief } from "@/server/services/debriefs/decide-debrief";
import { getDebrief } from "@/server/services/debriefs/get-debrief";
import { listCandidateDebriefs } from "@/server/services/debriefs/list-candidate-debriefs";
import { openDebrief } from "@/server/services/debriefs/open-debrief";
import { recordDebriefEntry } from "@/server/services/debriefs/record-debrief-entry";
import { watchDebrief } from "@/server/services/debriefs/watch-debrief";
import { streamWithActor, withActor } from "../call-service";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const debriefsRouter = createTRPCRouter({
  open: orgProcedure("debriefs:chair").input(openDebriefInput).output(openDebriefOutput).mutation(withActor(openDebrief)),

  get: orgProcedure("org:read").input(debriefIdInput).output(debriefOutput).query(withActor(getDebrief)),

  recordEntry: orgProcedure("debriefs:chair").input(recordDebriefEntryInput).output(recordDebriefEntryOutput).mutation(withActor(recordDebriefEntry)),

  /** One comment per form submission: a repeat gets the first one's id and version. */
  comment: orgProcedure("org:read").input(commentOnDebriefInput.extend(withIdempotencyKey)).output(commentOnDebriefOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "debriefs.comment", input, (data) => commentOnDebrief(ctx.db, ctx.actor, data))),

  decide: orgProcedure("debriefs:chair").input(decideDebriefInput).output(decideDebriefOutput).mutation(withActor(decideDebrief)),

  correct: orgProcedure("debriefs:chair").input(correctDebriefInput).output(correctDebriefOutput).mutation(withActor(correctDebrief)),

  listForCandidate: orgProcedure("candidates:read").input(candidateDebriefsInput).output(candidateDebriefsOutput).query(withActor(listCandidateDebriefs)),

  /** Server-sent events: the debrief's version now, then after every change. Same rule as `get`. */
  watch: orgProcedure("org:read")
    .input(debriefIdInput)
    .subscription(streamWithActor(watchDebrief)),
});
