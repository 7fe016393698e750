import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { productionMonitoringKeyProblem, serverEnv } from "@/env";
import { SELF_DESCRIBE } from "@/lib/monitoring/categories";
import { currentMonitoringKeyId, decryptMonitoringAnswers, encryptMonitoringAnswers } from "./monitoring-crypto";

const original = process.env.MONITORING_KEY;
const useKey = (key: string | undefined) => {
  if (key === undefined) delete process.env.MONITORING_KEY;
  else process.env.MONITORING_KEY = key;
};
afterEach(() => useKey(original));

const answers = {
  age_band: { option: "35_44" },
  uk_ethnic_group: { option: SELF_DESCRIBE, text: "Planted-Kurdish-Heritage" },
};

describe("monitoring answers encryption", () => {
  it("round-trips the answers and names the key by the first 8 hex characters of its SHA-256", () => {
    useKey("q".repeat(43));
    const stored = encryptMonitoringAnswers(answers);
    expect(stored.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(stored.keyId).toBe(currentMonitoringKeyId());
    expect(decryptMonitoringAnswers(stored)).toEqual(answers);
  });

  it("writes bytes that contain none of the answers, and differ every time", () => {
    useKey(randomBytes(32).toString("base64"));
    const first = encryptMonitoringAnswers(answers);
    const second = encryptMonitoringAnswers(answers);
    for (const plain of ["Planted-Kurdish-Heritage", "35_44", "uk_ethnic_group", "option"]) {
      expect(first.ciphertext.includes(Buffer.from(plain, "utf8"))).toBe(false);
      expect(first.ciphertext.toString("latin1")).not.toContain(plain);
    }
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
  });

  it("refuses altered ciphertext instead of decrypting it", () => {
    useKey(randomBytes(32).toString("base64url"));
    const stored = encryptMonitoringAnswers(answers);
    const tampered = Buffer.from(stored.ciphertext);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 0x01, tampered.length - 1);
    expect(() => decryptMonitoringAnswers({ ...stored, ciphertext: tampered })).toThrow(/could not be decrypted: they were altered/);
    expect(() => decryptMonitoringAnswers({ ...stored, ciphertext: stored.ciphertext.subarray(0, 10) })).toThrow(/not in a format/);
  });

  it("refuses answers written under another key, saying which", () => {
    useKey(randomBytes(32).toString("base64"));
    const stored = encryptMonitoringAnswers(answers);
    useKey(randomBytes(32).toString("base64"));
    expect(() => decryptMonitoringAnswers(stored)).toThrow(/encrypted with another MONITORING_KEY \(key id [0-9a-f]{8}; the key in use is [0-9a-f]{8}\)/);
    // Same id claimed, different key: the tag check still refuses.
    expect(() => decryptMonitoringAnswers({ ...stored, keyId: currentMonitoringKeyId() })).toThrow(/could not be decrypted/);
  });
});

describe("MONITORING_KEY in the environment", () => {
  it("must be 32 bytes in base64 or base64url", () => {
    useKey("too-short");
    expect(() => serverEnv()).toThrow(/MONITORING_KEY must be 32 random bytes in base64 or base64url/);
    useKey(randomBytes(32).toString("base64"));
    expect(serverEnv().MONITORING_KEY).toBeDefined();
    useKey(randomBytes(32).toString("base64url"));
    expect(serverEnv().MONITORING_KEY).toBeDefined();
  });

  it("is required in production (not while building), with a clear message", () => {
    const secret = "s".repeat(40);
    expect(productionMonitoringKeyProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: secret })).toMatch(
      /^MONITORING_KEY is required in production: set it to 32 random bytes in base64/,
    );
    expect(productionMonitoringKeyProblem({ NODE_ENV: "production", MONITORING_KEY: "abc" })).toMatch(/must be 32 random bytes/);
    expect(productionMonitoringKeyProblem({ NODE_ENV: "production", MONITORING_KEY: randomBytes(32).toString("base64") })).toBeNull();
    expect(productionMonitoringKeyProblem({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).toBeNull();
    expect(productionMonitoringKeyProblem({ NODE_ENV: "development" })).toBeNull();
  });
});
