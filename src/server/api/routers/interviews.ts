// Interviews: scheduling, time, place, status and panel (interviews:write), and the lists of interviews.
import {
  createInterviewInput,
  createInterviewOutput,
  interviewIdInput,
  interviewOutput,
  listInterviewsInput,
  listInterviewsOutput,
  myInterviewsOutput,
  schedulingOptionsOutput,
  setPanelInput,
  setPanelOutput,
  updateInterviewInput,
  updateInterviewOutput,
} from "@/lib/schemas/interviews";
import { createInterview } from "@/server/services/interviews/create-interview";
import { getInterview } from "@/server/services/interviews/get-interview";
import { getSchedulingOptions } from "@/server/services/interviews/get-scheduling-options";
import { listInterviews } from "@/server/services/interviews/list-interviews";
import { listMyInterviews } from "@/server/services/interviews/list-my-interviews";
import { setInterviewPanel } from "@/server/services/interviews/set-interview-panel";
import { updateInterview } from "@/server/services/interviews/update-interview";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const interviewsRouter = createTRPCRouter({
  create: orgProcedure("interviews:write").input(createInterviewInput.extend(withIdempotencyKey)).output(createInterviewOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "interviews.create", input, (data) => createInterview(ctx.db, ctx.actor, data))),

  update: orgProcedure("interviews:write").input(updateInterviewInput).output(updateInterviewOutput).mutation(withActor(updateInterview)),

  setPanel: orgProcedure("interviews:write").input(setPanelInput).output(setPanelOutput).mutation(withActor(setInterviewPanel)),

  /** Panelists see their own interviews; roles that read candidates see all. The service decides. */
  get: orgProcedure("org:read").input(interviewIdInput).output(interviewOutput).query(withActor(getInterview)),

  list: orgProcedure("candidates:read").input(listInterviewsInput).output(listInterviewsOutput).query(withActor(listInterviews)),

  mine: orgProcedure("org:read").output(myInterviewsOutput).query(withActorNoInput(listMyInterviews)),

  schedulingOptions: orgProcedure("interviews:write").output(schedulingOptionsOutput).query(withActorNoInput(getSchedulingOptions)),
});
