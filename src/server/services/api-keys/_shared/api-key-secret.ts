// The shape of an API key: "pk_" + an 8-character prefix (shown in lists, unique) + "_" + 32 random bytes
// in base64url. Only the SHA-256 of the whole key is stored, so a database read can't yield a usable key.
import { createHash, randomBytes } from "node:crypto";

export type NewApiKey = { key: string; prefix: string; secretHash: string };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function newApiKey(): NewApiKey {
  // Hex keeps the prefix free of "_" and "-", so it reads and splits unambiguously.
  const prefix = `pk_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}
