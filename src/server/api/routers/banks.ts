import { z } from "zod";
import { getQuestion } from "@/server/services/banks/get-question";
import { listBanks } from "@/server/services/banks/list-banks";
import { listCompetencies } from "@/server/services/banks/list-competencies";
import { searchQuestions } from "@/server/services/banks/search-questions";
import { createTRPCRouter, orgProcedure } from "../trpc";

const anchorSchema = z.object({ level: z.number().int(), description: z.string() });
const competencyRefSchema = z.object({ slug: z.string(), name: z.string() });
/** The fields every view of a question shows. */
const questionCoreSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  text: z.string(),
  textReconstructed: z.boolean(),
  assesses: z.string(),
});

export const banksRouter = createTRPCRouter({
  list: orgProcedure("banks:read")
    .output(
      z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          role: z.string().nullable(),
          source: z.string().nullable(),
          builtIn: z.boolean(),
          questionCount: z.number().int(),
        }),
      ),
    )
    .query(({ ctx }) => listBanks(ctx.db, ctx.actor)),

  competencies: orgProcedure("banks:read")
    .output(
      z.array(
        z.object({
          id: z.string(),
          slug: z.string(),
          name: z.string(),
          definition: z.string(),
          builtIn: z.boolean(),
          anchors: z.array(anchorSchema),
        }),
      ),
    )
    .query(({ ctx }) => listCompetencies(ctx.db, ctx.actor)),

  searchQuestions: orgProcedure("banks:read")
    .input(
      z.object({
        bankId: z.string().min(1).max(64).optional(),
        competency: z.string().min(1).max(64).optional(),
        query: z.string().max(200, "Search text must be at most 200 characters").optional(),
        limit: z.number().int().min(1).max(100).default(50),
        offset: z.number().int().min(0).max(100_000).default(0),
      }),
    )
    .output(
      z.object({
        total: z.number().int(),
        questions: z.array(
          questionCoreSchema.extend({
            bank: z.object({ id: z.string(), name: z.string() }),
            competencies: z.array(competencyRefSchema),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) =>
      searchQuestions(ctx.db, ctx.actor, {
        bankId: input.bankId,
        competencySlug: input.competency,
        query: input.query,
        limit: input.limit,
        offset: input.offset,
      }),
    ),

  question: orgProcedure("banks:read")
    .input(z.object({ id: z.string().min(1).max(64) }))
    .output(
      questionCoreSchema.extend({
        howToAnswer: z.string(),
        exampleAnswer: z.string(),
        source: z.string().nullable(),
        bank: z.object({ id: z.string(), name: z.string(), role: z.string().nullable(), builtIn: z.boolean() }),
        competencies: z.array(
          z.object({ id: z.string(), slug: z.string(), name: z.string(), definition: z.string(), anchors: z.array(anchorSchema) }),
        ),
      }),
    )
    .query(({ ctx, input }) => getQuestion(ctx.db, ctx.actor, input.id)),
});
