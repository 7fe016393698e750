// The scoring screen's preferences (issue 23): the panelist's easy-read choice, their own record only.
import { setEasyReadInput } from "@/lib/schemas/scoring-preferences";
import { setEasyRead } from "@/server/services/scoring-preferences/set-easy-read";
import { withActor } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const scoringPreferencesRouter = createTRPCRouter({
  setEasyRead: orgProcedure("org:read").input(setEasyReadInput).output(setEasyReadInput).mutation(withActor(setEasyRead)),
});
