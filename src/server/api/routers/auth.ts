import { serverEnv } from "@/env";
import { demoAccountsSchema, signInOptionsSchema, signUpInputSchema, signUpResultSchema } from "@/lib/schemas/auth";
import { publicSignUpOpen } from "@/server/services/orgs/_shared/public-sign-up";
import { signUp } from "@/server/services/orgs/sign-up";
import { listDemoAccounts } from "@/server/services/seed/seed-demo-organization";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpInputSchema).output(signUpResultSchema)
    .mutation(({ ctx, input }) => signUp(ctx.db, input, ctx.clientAddress)),

  /** How one can sign in here: single sign-on when configured; whether anyone may create an organisation. */
  signInOptions: publicProcedure.output(signInOptionsSchema).query(() => {
    const env = serverEnv();
    return { oidc: env.oidcEnabled ? { name: env.OIDC_NAME } : null, publicSignUp: publicSignUpOpen() };
  }),

  /** The demo accounts, listed on the sign-in page only when this database holds the demo organisation. */
  demoAccounts: publicProcedure.output(demoAccountsSchema).query(({ ctx }) => listDemoAccounts(ctx.db)),
});
