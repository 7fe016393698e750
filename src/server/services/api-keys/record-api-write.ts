import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";

/**
 * Ties a write made through the REST API to its key: the service already recorded what changed (as the key's
 * creator); this says it came through the API, with which key and operation.
 */
export function recordApiWrite(db: Db, actor: Actor, entry: { apiKeyId: string; operationId: string; entity: readonly [string, string]; status: number }) {
  return recordActorEvent(db, actor, "api_key.write", entry.entity, { apiKeyId: entry.apiKeyId, operation: entry.operationId, status: entry.status });
}
