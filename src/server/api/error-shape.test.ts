// What a form receives when the server refuses its input: every field at fault, each with its own words, as data.
import { getErrorShape, TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/server/errors";
import { createTRPCRouter } from "./trpc";

const config = createTRPCRouter({})._def._config;
const shapeOf = (error: TRPCError) =>
  getErrorShape({ config, error, type: "mutation", path: "candidates.create", input: undefined, ctx: undefined }) as {
    message: string;
    data: { field: string | null; fields: Record<string, string> | null };
  };

describe("field errors as data", () => {
  it("gives each field of a refused form its own message, without the field's name in it", () => {
    const parsed = z.object({ name: z.string().min(1, "Enter the candidate's name"), email: z.email("Enter a valid email address") }).safeParse({ name: "", email: "x" });
    const shape = shapeOf(new TRPCError({ code: "BAD_REQUEST", message: "refused", cause: parsed.error }));
    expect(shape.data.fields).toEqual({ name: "Enter the candidate's name", email: "Enter a valid email address" });
    expect(shape.data.field).toBe("name");
  });

  it("passes a service's field error on as data too, so the form marks that field", () => {
    const cause = new AppError("CONFLICT", "A bank with this name already exists.", "name");
    const shape = shapeOf(new TRPCError({ code: "CONFLICT", message: cause.message, cause }));
    expect(shape.data).toMatchObject({ field: "name", fields: { name: "A bank with this name already exists." } });
  });

  it("has no field errors for a refusal about the whole request", () => {
    const cause = new AppError("NOT_FOUND", "Candidate not found.");
    const shape = shapeOf(new TRPCError({ code: "NOT_FOUND", message: cause.message, cause }));
    expect(shape.data).toMatchObject({ field: null, fields: null });
  });
});
