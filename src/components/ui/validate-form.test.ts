import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validateForm } from "./validate-form";

describe("validateForm", () => {
  const schema = z.object({ name: z.string().trim().min(1, "Enter the candidate's name"), email: z.email("Enter a valid email address") });

  it("names every field at fault with its own message", () => {
    const checked = validateForm(schema, { name: " ", email: "nope" });
    expect(checked).toEqual({
      ok: false,
      problem: { message: "Enter the candidate's name", field: "name", fields: { name: "Enter the candidate's name", email: "Enter a valid email address" } },
    });
  });

  it("hands back the parsed values (trimmed) when the form is fine", () => {
    expect(validateForm(schema, { name: "  Ada ", email: "ada@example.org" })).toEqual({ ok: true, data: { name: "Ada", email: "ada@example.org" } });
  });
});
