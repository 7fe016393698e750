import { authRouter } from "./routers/auth";
import { banksRouter } from "./routers/banks";
import { orgRouter } from "./routers/org";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  org: orgRouter,
  banks: banksRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
