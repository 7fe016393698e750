import { z } from "zod";
import {
  applyToVacancyInput,
  candidateListRowSchema,
  candidatePageSchema,
  candidateVacancyOptionSchema,
  createCandidateInput,
  createdCandidateSchema,
  getCandidateInput,
  listCandidatesInput,
  updateCandidateInput,
  updatedCandidateSchema,
} from "@/lib/schemas/candidates";
import { applyToVacancy } from "@/server/services/candidates/apply-to-vacancy";
import { createCandidate } from "@/server/services/candidates/create-candidate";
import { getCandidate } from "@/server/services/candidates/get-candidate";
import { listCandidateVacancies } from "@/server/services/candidates/list-candidate-vacancies";
import { listCandidates } from "@/server/services/candidates/list-candidates";
import { updateCandidate } from "@/server/services/candidates/update-candidate";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

// The list and page outputs are deliberate allow-lists: contact details (email, phone, notes) go out only
// as the service filtered them for the caller's role, and nothing the schemas don't name goes out at all.
export const candidatesRouter = createTRPCRouter({
  list: orgProcedure("candidates:read").input(listCandidatesInput).output(z.array(candidateListRowSchema)).query(withActor(listCandidates)),

  /** The vacancies for the list's filter and the candidate forms. */
  vacancyOptions: orgProcedure("candidates:read").output(z.array(candidateVacancyOptionSchema)).query(withActorNoInput(listCandidateVacancies)),

  get: orgProcedure("candidates:read").input(getCandidateInput).output(candidatePageSchema).query(withActor(getCandidate)),

  create: orgProcedure("candidates:write").input(createCandidateInput.extend(withIdempotencyKey)).output(createdCandidateSchema)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "candidates.create", input, (data) => createCandidate(ctx.db, ctx.actor, data))),

  /** Another candidacy of the same person. */
  applyToVacancy: orgProcedure("candidates:write").input(applyToVacancyInput.extend(withIdempotencyKey)).output(createdCandidateSchema)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "candidates.applyToVacancy", input, (data) => applyToVacancy(ctx.db, ctx.actor, data))),

  update: orgProcedure("candidates:write").input(updateCandidateInput).output(updatedCandidateSchema).mutation(withActor(updateCandidate)),
});
