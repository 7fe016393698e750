// Reading the question banks and the competency framework: every role that rates can browse them.
import {
  bankListOutput,
  byIdSchema,
  competencyListOutput,
  questionOutput,
  searchQuestionsInput,
  searchQuestionsOutput,
} from "@/lib/schemas/banks";
import { getQuestion } from "@/server/services/banks/get-question";
import { listBanks } from "@/server/services/banks/list-banks";
import { listCompetencies } from "@/server/services/banks/list-competencies";
import { searchQuestions } from "@/server/services/banks/search-questions";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const banksRouter = createTRPCRouter({
  list: orgProcedure("banks:read").output(bankListOutput).query(withActorNoInput(listBanks)),

  competencies: orgProcedure("banks:read").output(competencyListOutput).query(withActorNoInput(listCompetencies)),

  searchQuestions: orgProcedure("banks:read").input(searchQuestionsInput).output(searchQuestionsOutput).query(withActor(searchQuestions)),

  question: orgProcedure("banks:read").input(byIdSchema).output(questionOutput)
    .query(({ ctx, input }) => getQuestion(ctx.db, ctx.actor, input.id)),
});
