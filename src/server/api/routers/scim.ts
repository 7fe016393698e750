// SCIM provisioning settings (issue 22, admins): the organisation's SCIM bearer tokens for its identity
// provider and the mapping of pushed groups onto roles. The /scim/v2 endpoints themselves are in src/app/scim.
import { z } from "zod";
import { createdScimTokenSchema, scimSettingsSchema, scimTokenIdInput, setScimGroupRoleInput } from "@/lib/schemas/scim";
import { roleSchema } from "@/lib/schemas/common";
import { createScimToken } from "@/server/services/scim/create-scim-token";
import { getScimSettings } from "@/server/services/scim/get-scim-settings";
import { revokeScimToken } from "@/server/services/scim/revoke-scim-token";
import { setScimGroupRole } from "@/server/services/scim/set-scim-group-role";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const scimRouter = createTRPCRouter({
  settings: orgProcedure("org:settings").output(scimSettingsSchema).query(withActorNoInput(getScimSettings)),
  createToken: orgProcedure("org:settings").output(createdScimTokenSchema).mutation(withActorNoInput(createScimToken)),
  revokeToken: orgProcedure("org:settings").input(scimTokenIdInput).output(scimTokenIdInput).mutation(withActor(revokeScimToken)),
  setGroupRole: orgProcedure("org:settings").input(setScimGroupRoleInput).output(z.object({ groupId: z.string(), role: roleSchema.nullable() }))
    .mutation(withActor(setScimGroupRole)),
});
