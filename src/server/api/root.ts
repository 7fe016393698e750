import { authRouter } from "./routers/auth";
import { bankAdminRouter } from "./routers/bank-admin";
import { banksRouter } from "./routers/banks";
import { orgRouter } from "./routers/org";
import { scriptsRouter } from "./routers/scripts";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  org: orgRouter,
  banks: banksRouter,
  bankAdmin: bankAdminRouter,
  scripts: scriptsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
