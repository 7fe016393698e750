import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, errorFields, logContext, logLevelFrom } from "./logger";

function capture(level?: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { logger: createLogger(sink, level), lines };
}

describe("the server's logger", () => {
  it("writes JSON lines carrying the request id of the request being served", () => {
    const { logger, lines } = capture("info");
    logContext.run({ requestId: "req-123" }, () => logger.info({ saved: 3 }, "ratings saved"));
    logger.info("outside any request");
    expect(lines[0]).toMatchObject({ level: "info", requestId: "req-123", saved: 3, msg: "ratings saved" });
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("blanks personal data under known keys, at the top and one level down", () => {
    const { logger, lines } = capture("info");
    logger.info({ email: "amara.nwosu@candidate.example", candidate: { name: "Amara Nwosu", id: "c1" }, notes: "private" }, "x");
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("Amara");
    expect(text).not.toContain("private");
    expect(lines[0]).toMatchObject({ email: "[redacted]", candidate: { name: "[redacted]", id: "c1" } });
  });

  it("takes its level from LOG_LEVEL, and info for anything it doesn't know", () => {
    const { logger, lines } = capture("warn");
    logger.info("not written");
    logger.warn("written");
    expect(lines.map((l) => l.msg)).toEqual(["written"]);
    expect(logLevelFrom("DEBUG")).toBe("debug");
    expect(logLevelFrom("verbose")).toBe("info");
    expect(logLevelFrom(undefined)).toBe("info");
  });

  it("logs errors without the addresses mail servers quote", () => {
    expect(errorFields(new Error("550 mailbox unavailable for <amara.nwosu@candidate.example>"))).toEqual({
      err: { type: "Error", message: "550 mailbox unavailable for <[email]>" },
    });
  });
});
