// SCIM bearer tokens: `pkscim_<prefix>_<secret>`, shown once; the database keeps the SHA-256 of the whole
// token (a leaked row is no working token) and the prefix, which identifies it in Settings.
import { createHash, randomBytes } from "node:crypto";

export function newScimToken(): { token: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString("base64url");
  const token = `pkscim_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, secretHash: hashScimToken(token) };
}

export function hashScimToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
