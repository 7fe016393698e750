// Encryption of candidates' equal-opportunities answers at rest (AES-256-GCM, key from MONITORING_KEY). The
// database holds only ciphertext, so a dump, a backup or a stray query shows no one's answers; GCM's tag
// refuses altered bytes rather than decrypting them into something else.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { productionMonitoringKeyProblem, serverEnv } from "@/env";
import type { MonitoringAnswers } from "@/lib/monitoring/categories";

// Layout: version (1 byte) | IV (12) | tag (16) | encrypted JSON. The version lets a later format coexist.
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
// Binds the ciphertext to its purpose: bytes encrypted for something else under the same key don't decrypt here.
const ASSOCIATED_DATA = Buffer.from("panelkit:monitoring-answers:v1", "utf8");
// Development and tests without MONITORING_KEY only; production refuses to run without its own key.
const DEVELOPMENT_KEY = createHash("sha256").update("panelkit-development-monitoring-key-not-for-production").digest();

// Buffer<ArrayBuffer> (not a shared buffer): what Prisma takes for a Bytes column.
export type EncryptedMonitoringAnswers = { keyId: string; ciphertext: Buffer<ArrayBuffer> };

export class MonitoringDecryptionError extends Error {
  override name = "MonitoringDecryptionError";
}

function monitoringKey(): Buffer {
  const problem = productionMonitoringKeyProblem();
  if (problem) throw new Error(problem);
  const configured = serverEnv().MONITORING_KEY;
  return configured ? Buffer.from(configured, "base64") : DEVELOPMENT_KEY;
}

/** Names a key without revealing it: the first 8 hex characters of its SHA-256. */
export function monitoringKeyIdOf(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** The id of the key in use now (rows with another id were encrypted under a key since rotated away). */
export function currentMonitoringKeyId(): string {
  return monitoringKeyIdOf(monitoringKey());
}

export function encryptMonitoringAnswers(answers: MonitoringAnswers): EncryptedMonitoringAnswers {
  const key = monitoringKey();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(ASSOCIATED_DATA);
  const body = Buffer.concat([cipher.update(JSON.stringify(answers), "utf8"), cipher.final()]);
  const ciphertext = Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), body]);
  return { keyId: monitoringKeyIdOf(key), ciphertext };
}

export function decryptMonitoringAnswers(stored: { keyId: string; ciphertext: Uint8Array }): MonitoringAnswers {
  const key = monitoringKey();
  const keyId = monitoringKeyIdOf(key);
  if (stored.keyId !== keyId) {
    throw new MonitoringDecryptionError(
      `These monitoring answers were encrypted with another MONITORING_KEY (key id ${stored.keyId}; the key in use is ${keyId}). Start the app with the key they were written with.`,
    );
  }
  const bytes = Buffer.from(stored.ciphertext);
  if (bytes.length <= HEADER_BYTES || bytes[0] !== FORMAT_VERSION) {
    throw new MonitoringDecryptionError("These monitoring answers are not in a format Panelkit wrote; they were not decrypted.");
  }
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(1 + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(ASSOCIATED_DATA);
  decipher.setAuthTag(tag);
  let plaintext: string;
  try {
    plaintext = Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new MonitoringDecryptionError(
      "These monitoring answers could not be decrypted: they were altered, or MONITORING_KEY is not the key they were written with.",
    );
  }
  return JSON.parse(plaintext) as MonitoringAnswers;
}
