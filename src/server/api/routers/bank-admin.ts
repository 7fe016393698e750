import { createTRPCRouter } from "../trpc";

export const bankAdminRouter = createTRPCRouter({});
