import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/passwords";
import { serverEnv } from "@/env";
import { publicSignUpOpen, signUp } from "@/server/services/orgs/sign-up";
import { listDemoAccounts } from "@/server/services/seed/seed-demo-organization";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const signUpInputSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120),
  email: z.string().trim().max(320).email("Enter a valid email address"),
  password: passwordSchema,
  organizationName: z.string().trim().min(2, "Enter your organisation's name").max(120),
});

export const authRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(signUpInputSchema)
    // The same answer for a new email and a registered one (see signUp).
    .output(z.object({ received: z.literal(true) }))
    .mutation(({ ctx, input }) => signUp(ctx.db, input, ctx.clientAddress)),

  /** How one can sign in here: single sign-on when configured; whether anyone may create an organisation. */
  signInOptions: publicProcedure
    .output(z.object({ oidc: z.object({ name: z.string() }).nullable(), publicSignUp: z.boolean() }))
    .query(() => {
      const env = serverEnv();
      return { oidc: env.oidcEnabled ? { name: env.OIDC_NAME } : null, publicSignUp: publicSignUpOpen() };
    }),

  /** The demo accounts, listed on the sign-in page only when this database holds the demo organisation. */
  demoAccounts: publicProcedure
    .output(
      z
        .object({
          password: z.string(),
          accounts: z.array(z.object({ email: z.string(), name: z.string(), role: z.string() })),
        })
        .nullable(),
    )
    .query(({ ctx }) => listDemoAccounts(ctx.db)),
});
