// Panelists' scorecards: the scoring screen, per-cell saves, submission, amendments, and what each role may
// see of an interview's scorecards (independence is enforced in the services, for every role).
import {
  amendScorecardInput,
  amendScorecardOutput,
  interviewScorecardsInput,
  interviewScorecardsOutput,
  myScorecardOutput,
  panelProgressOutput,
  saveNoteInput,
  saveNoteOutput,
  saveRatingInput,
  saveRatingOutput,
  shadowComparisonOutput,
  submitScorecardInput,
  submitScorecardOutput,
} from "@/lib/schemas/scorecards";
import { amendScorecard } from "@/server/services/scorecards/amend-scorecard";
import { getMyScorecard } from "@/server/services/scorecards/get-my-scorecard";
import { getPanelProgress } from "@/server/services/scorecards/get-panel-progress";
import { getShadowComparison } from "@/server/services/scorecards/get-shadow-comparison";
import { listInterviewScorecards } from "@/server/services/scorecards/list-interview-scorecards";
import { saveNote } from "@/server/services/scorecards/save-note";
import { saveRating } from "@/server/services/scorecards/save-rating";
import { submitScorecard } from "@/server/services/scorecards/submit-scorecard";
import { watchPanelProgress } from "@/server/services/scorecards/watch-panel-progress";
import { streamWithActor, withActor } from "../call-service";
import { createTRPCRouter, orgProcedure, orgStatementProcedure } from "../trpc";

export const scorecardsRouter = createTRPCRouter({
  mine: orgProcedure("org:read").input(interviewScorecardsInput).output(myScorecardOutput).query(withActor(getMyScorecard)),

  saveRating: orgStatementProcedure("org:read").input(saveRatingInput).output(saveRatingOutput)
    .mutation(({ ctx, input }) => saveRating(ctx.db, ctx.member, ctx.requireActor, input)),

  saveNote: orgStatementProcedure("org:read").input(saveNoteInput).output(saveNoteOutput)
    .mutation(({ ctx, input }) => saveNote(ctx.db, ctx.member, ctx.requireActor, input)),

  submit: orgProcedure("org:read").input(submitScorecardInput).output(submitScorecardOutput).mutation(withActor(submitScorecard)),

  amend: orgProcedure("org:read").input(amendScorecardInput).output(amendScorecardOutput).mutation(withActor(amendScorecard)),

  forInterview: orgProcedure("org:read").input(interviewScorecardsInput).output(interviewScorecardsOutput)
    .query(withActor(listInterviewScorecards)),

  progress: orgProcedure("org:read").input(interviewScorecardsInput).output(panelProgressOutput).query(withActor(getPanelProgress)),

  /** A shadow's own scorecard beside the panel's, once theirs is submitted. Shadows only. */
  shadowComparison: orgProcedure("org:read").input(interviewScorecardsInput).output(shadowComparisonOutput)
    .query(withActor(getShadowComparison)),

  /** Server-sent events: the progress now, then after every change. Same visibility as `progress`. */
  onProgress: orgProcedure("org:read").input(interviewScorecardsInput).subscription(streamWithActor(watchPanelProgress)),
});
