import { createTRPCRouter } from "../trpc";

export const interviewsRouter = createTRPCRouter({});
