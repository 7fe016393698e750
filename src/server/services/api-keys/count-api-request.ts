// Requests per key are limited in Postgres ("RateLimit", the table the sign-in limits use), so every app
// instance shares one count per key and a restart doesn't reset it.
import type { Db } from "@/server/db";
import { countAttempt, type Window } from "@/server/services/auth/_shared/attempt-counter";

/** 600 requests a minute per key: a full sync of 10,000 candidates (100 pages) fits many times over. */
export const API_KEY_WINDOW: Window = { limit: 600, seconds: 60 };

export const apiKeyLimitKey = (apiKeyId: string) => `api-key:${apiKeyId}`;

/** Counts one request; the seconds to wait when the key is over its limit, else 0. */
export function countApiRequest(db: Db, apiKeyId: string): Promise<number> {
  return countAttempt(db, apiKeyLimitKey(apiKeyId), API_KEY_WINDOW);
}
