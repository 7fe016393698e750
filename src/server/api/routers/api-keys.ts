// REST API keys: admins create (the key shown once), list and revoke them. See src/lib/api-scopes.ts.
import { z } from "zod";
import { apiKeyRowSchema, createApiKeyInput, createdApiKeySchema, revokeApiKeyInput, revokedApiKeySchema } from "@/lib/schemas/api-keys";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { withActor, withActorNoInput } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const apiKeysRouter = createTRPCRouter({
  list: orgProcedure("org:settings").output(z.array(apiKeyRowSchema)).query(withActorNoInput(listApiKeys)),

  create: orgProcedure("org:settings").input(createApiKeyInput).output(createdApiKeySchema).mutation(withActor(createApiKey)),

  revoke: orgProcedure("org:settings").input(revokeApiKeyInput).output(revokedApiKeySchema).mutation(withActor(revokeApiKey)),
});
