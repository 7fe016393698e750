import { setLocaleInputSchema, setLocaleResultSchema } from "@/lib/schemas/users";
import { setUserLocale } from "@/server/services/users/set-user-locale";
import { createTRPCRouter, signedInProcedure } from "../trpc";

export const usersRouter = createTRPCRouter({
  /** The signed-in user's own language (anyone signed in, a lay panelist too: it is about no one else). */
  setLocale: signedInProcedure
    .input(setLocaleInputSchema)
    .output(setLocaleResultSchema)
    .mutation(({ ctx, input }) => setUserLocale(ctx.db, ctx.userId, input.locale)),
});
