import { createTRPCRouter } from "../trpc";

export const scorecardsRouter = createTRPCRouter({});
