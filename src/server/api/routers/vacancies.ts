// Vacancies: the list and a vacancy's details (read by every role that reads candidates), creating and
// changing them and their managers, the interview plan, the pipeline board and moving a candidate between
// stages (vacancies:write, and only a vacancy's own managers or an admin: checked in the services).
import {
  createdVacancySchema,
  createVacancyInput,
  listVacanciesInput,
  movedCandidateSchema,
  moveCandidateInput,
  pipelineSchema,
  planSchema,
  savedPlanSchema,
  savePlanInput,
  setVacancyManagersInput,
  updateVacancyInput,
  vacancyIdInput,
  vacancyListSchema,
  vacancyPageSchema,
  vacancySchema,
} from "@/lib/schemas/vacancies";
import { z } from "zod";
import { createVacancy } from "@/server/services/vacancies/create-vacancy";
import { getVacancy } from "@/server/services/vacancies/get-vacancy";
import { getVacancyPipeline } from "@/server/services/vacancies/get-vacancy-pipeline";
import { getVacancyPlan } from "@/server/services/vacancies/get-vacancy-plan";
import { listVacancies } from "@/server/services/vacancies/list-vacancies";
import { moveCandidateToStage } from "@/server/services/vacancies/move-candidate-to-stage";
import { saveVacancyPlan } from "@/server/services/vacancies/save-vacancy-plan";
import { setVacancyManagers } from "@/server/services/vacancies/set-vacancy-managers";
import { updateVacancy } from "@/server/services/vacancies/update-vacancy";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { withActor } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

const managersSchema = z.object({ id: z.string(), managers: z.array(z.object({ userId: z.string(), name: z.string() })) });

export const vacanciesRouter = createTRPCRouter({
  list: orgProcedure("candidates:read").input(listVacanciesInput).output(vacancyListSchema).query(withActor(listVacancies)),

  get: orgProcedure("candidates:read").input(vacancyIdInput).output(vacancyPageSchema).query(withActor(getVacancy)),

  create: orgProcedure("vacancies:write").input(createVacancyInput.safeExtend(withIdempotencyKey)).output(createdVacancySchema)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "vacancies.create", input, (data) => createVacancy(ctx.db, ctx.actor, data))),

  update: orgProcedure("vacancies:write").input(updateVacancyInput).output(vacancySchema).mutation(withActor(updateVacancy)),

  setManagers: orgProcedure("vacancies:write").input(setVacancyManagersInput).output(managersSchema).mutation(withActor(setVacancyManagers)),

  plan: orgProcedure("candidates:read").input(vacancyIdInput).output(planSchema).query(withActor(getVacancyPlan)),

  savePlan: orgProcedure("vacancies:write").input(savePlanInput).output(savedPlanSchema).mutation(withActor(saveVacancyPlan)),

  pipeline: orgProcedure("candidates:read").input(vacancyIdInput).output(pipelineSchema).query(withActor(getVacancyPipeline)),

  moveCandidate: orgProcedure("vacancies:write").input(moveCandidateInput).output(movedCandidateSchema).mutation(withActor(moveCandidateToStage)),
});
