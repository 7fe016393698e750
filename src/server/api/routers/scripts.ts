import { createTRPCRouter } from "../trpc";

export const scriptsRouter = createTRPCRouter({});
