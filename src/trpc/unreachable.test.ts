import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { isUnreachable } from "./client";

describe("isUnreachable", () => {
  it("is a call that got no answer from the API: the fetch failed, or what came back was not the API's JSON", () => {
    expect(isUnreachable(TRPCClientError.from(new TypeError("Failed to fetch")))).toBe(true);
    expect(isUnreachable(TRPCClientError.from(new SyntaxError("Unexpected token '<'")))).toBe(true);
  });

  it("is not an answer from the API, an aborted call, or an error from elsewhere", () => {
    const refused = TRPCClientError.from({ error: { code: -32600, message: "Bank name is required", data: { code: "BAD_REQUEST", httpStatus: 400 } } });
    expect(refused.message).toBe("Bank name is required");
    expect(isUnreachable(refused)).toBe(false);
    expect(isUnreachable(TRPCClientError.from(new DOMException("The user aborted a request.", "AbortError")))).toBe(false);
    expect(isUnreachable(new TypeError("Failed to fetch"))).toBe(false);
  });
});
