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
import { createTRPCRouter, orgProcedure } from "../trpc";

export const interviewsRouter = createTRPCRouter({
  create: orgProcedure("interviews:write")
    .input(createInterviewInput.extend(withIdempotencyKey))
    .output(createInterviewOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "interviews.create", input, (data) => createInterview(ctx.db, ctx.actor, data))),

  update: orgProcedure("interviews:write")
    .input(updateInterviewInput)
    .output(updateInterviewOutput)
    .mutation(({ ctx, input }) => updateInterview(ctx.db, ctx.actor, input)),

  setPanel: orgProcedure("interviews:write")
    .input(setPanelInput)
    .output(setPanelOutput)
    .mutation(({ ctx, input }) => setInterviewPanel(ctx.db, ctx.actor, input)),

  /** Panelists see their own interviews; roles that read candidates see all. The service decides. */
  get: orgProcedure("org:read")
    .input(interviewIdInput)
    .output(interviewOutput)
    .query(({ ctx, input }) => getInterview(ctx.db, ctx.actor, input)),

  list: orgProcedure("candidates:read")
    .input(listInterviewsInput)
    .output(listInterviewsOutput)
    .query(({ ctx, input }) => listInterviews(ctx.db, ctx.actor, input)),

  mine: orgProcedure("org:read")
    .output(myInterviewsOutput)
    .query(({ ctx }) => listMyInterviews(ctx.db, ctx.actor)),

  schedulingOptions: orgProcedure("interviews:write")
    .output(schedulingOptionsOutput)
    .query(({ ctx }) => getSchedulingOptions(ctx.db, ctx.actor)),
});
