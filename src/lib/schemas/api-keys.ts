// API keys for the REST API: what the settings form sends to create one, and what the list shows. Zod
// only. The secret is returned once, by create; the list shows the prefix people tell keys apart by.
import { z } from "./zod";
import { API_SCOPES } from "@/lib/api-scopes";
import { idSchema, requiredText } from "./common";

export const apiScopeSchema = z.enum(API_SCOPES);

export const createApiKeyInput = z.object({
  name: requiredText("Name", 80, "Name the key after the system that will use it"),
  scopes: z.array(apiScopeSchema).min(1, "Choose at least one scope").max(API_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, "Each scope can be chosen once"),
  /** Optional; a key without one lasts until revoked. */
  expiresAt: z.date().min(new Date("2000-01-01T00:00:00Z")).max(new Date("2100-01-01T00:00:00Z")).nullable().default(null),
});
export type CreateApiKeyInput = z.output<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id: idSchema });
export type RevokeApiKeyInput = z.output<typeof revokeApiKeyInput>;

export const apiKeyRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdByName: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiKeyRow = z.output<typeof apiKeyRowSchema>;

/** The whole key, shown once: only its SHA-256 is stored. */
export const createdApiKeySchema = z.object({ id: z.string(), prefix: z.string(), key: z.string() });

export const revokedApiKeySchema = z.object({ id: z.string(), revokedAt: z.date() });
