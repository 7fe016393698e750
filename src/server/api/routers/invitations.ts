import { createTRPCRouter } from "../trpc";

export const invitationsRouter = createTRPCRouter({});
