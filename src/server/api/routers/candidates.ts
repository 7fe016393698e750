import { createTRPCRouter } from "../trpc";

export const candidatesRouter = createTRPCRouter({});
