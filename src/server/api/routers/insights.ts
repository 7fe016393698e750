import { createTRPCRouter } from "../trpc";

export const insightsRouter = createTRPCRouter({});
