// Idempotency-Key on REST creates: the first request with a key claims it in a transaction that stays open
// while the create runs, so a concurrent repeat waits on the key's primary key and then replays the first
// answer; a repeat with another method, path or body is refused. Only successful answers are kept: a
// refused create rolls its claim back, so the client can correct the request and send it with the same key.
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

export type StoredAnswer = { status: number; body: Prisma.InputJsonValue };

/** Keys are kept a day, like the app's form keys: long enough for any retry. */
const KEEP_KEYS_FOR = "1 day";

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

class NotKept extends Error {
  constructor(readonly answer: StoredAnswer) {
    super("not kept");
  }
}

export async function answerOnce(
  db: Db,
  claim: { apiKeyId: string; key: string; requestHash: string },
  create: () => Promise<StoredAnswer>,
): Promise<{ kind: "first" | "replay"; answer: StoredAnswer } | { kind: "mismatch" }> {
  const { apiKeyId, key } = claim;
  try {
    const result = await db.$transaction(
      async (tx) => {
        const claimed = await tx.$executeRaw`
          INSERT INTO "ApiIdempotencyKey" ("apiKeyId", "key", "requestHash", "status", "body")
          VALUES (${apiKeyId}, ${key}, ${claim.requestHash}, 0, 'null'::jsonb)
          ON CONFLICT DO NOTHING`;
        if (claimed === 0) {
          const earlier = await tx.apiIdempotencyKey.findUniqueOrThrow({ where: { apiKeyId_key: { apiKeyId, key } } });
          if (earlier.requestHash !== claim.requestHash) return { kind: "mismatch" as const };
          return { kind: "replay" as const, answer: { status: earlier.status, body: earlier.body as Prisma.InputJsonValue } };
        }
        const answer = await create();
        if (answer.status >= 300) throw new NotKept(answer);
        await tx.apiIdempotencyKey.update({
          where: { apiKeyId_key: { apiKeyId, key } },
          data: { status: answer.status, body: answer.body },
        });
        return { kind: "first" as const, answer };
      },
      { timeout: 30_000 },
    );
    if (result.kind === "first") {
      await db.$executeRaw`DELETE FROM "ApiIdempotencyKey" WHERE "createdAt" < (now() AT TIME ZONE 'UTC') - ${KEEP_KEYS_FOR}::interval`.catch(() => undefined);
    }
    return result;
  } catch (error) {
    if (error instanceof NotKept) return { kind: "first", answer: error.answer };
    throw error;
  }
}
