import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/server/errors";
import { NOT_JSON_BODY, NOT_JSON_INPUT, UNREADABLE_INPUT, unreadableRequestMessage, WRONG_CONTENT_TYPE } from "./unreadable-request";

const badRequest = (cause?: unknown) => new TRPCError({ code: "BAD_REQUEST", message: "library text", cause });

describe("messages for requests tRPC could not read", () => {
  it("replaces the parsers' own words with ours", () => {
    expect(unreadableRequestMessage(badRequest(new SyntaxError("Unexpected token 'o'")), "mutation")).toBe(NOT_JSON_BODY);
    expect(unreadableRequestMessage(badRequest(new SyntaxError("Unexpected token 'o'")), "query")).toBe(NOT_JSON_INPUT);
    expect(unreadableRequestMessage(badRequest(new RangeError("Maximum call stack size exceeded")), "mutation")).toBe(UNREADABLE_INPUT);
    const mediaType = new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: 'Unsupported content-type "text/evil' });
    expect(unreadableRequestMessage(mediaType, "unknown")).toBe(WRONG_CONTENT_TYPE);
  });

  it("keeps the messages of our own refusals and of the input schemas", () => {
    expect(unreadableRequestMessage(badRequest(new AppError("BAD_REQUEST", "name: too long", "name")), "mutation")).toBeNull();
    expect(unreadableRequestMessage(badRequest(z.string().safeParse(1).error), "mutation")).toBeNull();
    expect(unreadableRequestMessage(new TRPCError({ code: "NOT_FOUND", message: "Candidate not found." }), "query")).toBeNull();
  });
});
