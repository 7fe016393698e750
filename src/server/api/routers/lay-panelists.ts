// Panelists without accounts (service users, external assessors): whoever may change an interview's panel
// adds one with a personal scoring link, re-issues or revokes it; the signed-in lay panelist reads their own
// scope for the app shell. What a lay session may call at all is decided in src/server/access/lay-scope.ts.
import {
  addLayPanelistInput,
  layLinkIssuedOutput,
  layPanelistListInput,
  layPanelistListOutput,
  layPanelistRefInput,
  layLinkPreviewInput,
  layLinkPreviewOutput,
  laySessionOutput,
  reissueLayLinkInput,
  revokeLayLinkOutput,
} from "@/lib/schemas/lay-panelists";
import { addLayPanelist } from "@/server/services/lay-panelists/add-lay-panelist";
import { previewLayLink } from "@/server/services/lay-panelists/preview-lay-link";
import { getLaySession } from "@/server/services/lay-panelists/get-lay-session";
import { listLayPanelists } from "@/server/services/lay-panelists/list-lay-panelists";
import { reissueLayLink } from "@/server/services/lay-panelists/reissue-lay-link";
import { revokeLayLink } from "@/server/services/lay-panelists/revoke-lay-link";
import { AppError } from "@/server/errors";
import { withActor } from "../call-service";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure, publicProcedure, signedInProcedure } from "../trpc";

export const layPanelistsRouter = createTRPCRouter({
  /**
   * One seat (and one email) per form submission. The link and code can't be shown again (only their hashes are
   * stored, and the key table must not hold them), so a repeat is told where the panelist is and how to get a
   * new link and code; only the panelist's id is kept.
   */
  add: orgProcedure("interviews:write")
    .input(addLayPanelistInput.extend(withIdempotencyKey))
    .output(layLinkIssuedOutput)
    .mutation(({ ctx, input }) =>
      onceForSubmission(ctx, "layPanelists.add", input, (data) => addLayPanelist(ctx.db, ctx.actor, data), {
        keep: ({ userId }) => ({ userId }),
        replay: (): never => {
          throw new AppError("CONFLICT", { key: "layPanelist.alreadyAdded", values: { name: input.name } });
        },
      }),
    ),

  reissue: orgProcedure("interviews:write").input(reissueLayLinkInput).output(layLinkIssuedOutput).mutation(withActor(reissueLayLink)),

  revoke: orgProcedure("interviews:write").input(layPanelistRefInput).output(revokeLayLinkOutput).mutation(withActor(revokeLayLink)),

  list: orgProcedure("interviews:write").input(layPanelistListInput).output(layPanelistListOutput).query(withActor(listLayPanelists)),

  /** The link page: whose link and which organisation, or why it can't be used; the token is the credential. */
  preview: publicProcedure.input(layLinkPreviewInput).output(layLinkPreviewOutput).query(({ ctx, input }) => previewLayLink(ctx.db, input)),

  /** The lay panelist's own name and interview (null for members): what their app shell shows. */
  session: signedInProcedure.output(laySessionOutput).query(({ ctx }) => getLaySession(ctx.db, ctx.userId)),
});
