import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { assertAcceptablePassword, judgePassword, personalWords } from "./password-policy";

const ada = { email: "ada.lovelace@riverside.example", name: "Ada Lovelace", organizationName: "Riverside Health" };

describe("password policy", () => {
  it("accepts a passphrase of unrelated words", async () => {
    expect(await judgePassword("orchid-lantern-58-quay", ada)).toMatchObject({ ok: true });
    expect(await judgePassword("correct horse battery staple")).toMatchObject({ ok: true });
  });

  it("needs no digits, capitals or symbols (no composition rules)", async () => {
    expect(await judgePassword("velvet tram orbit cactus")).toMatchObject({ ok: true });
  });

  it("refuses fewer than 10 characters, counting characters rather than bytes", async () => {
    expect(await judgePassword("x7#Qp!2z")).toEqual({ ok: false, message: "Use at least 10 characters (this one has 8)." });
    // Nine emoji are 18 UTF-16 units but nine characters.
    expect(await judgePassword("🦊".repeat(9))).toMatchObject({ ok: false, message: expect.stringContaining("has 9") });
  });

  it("refuses more than 128 characters, so a huge input can't tie up argon2", async () => {
    const long = "orchid lantern quay ".repeat(7); // 140 characters
    expect(await judgePassword(long)).toEqual({ ok: false, message: "Use at most 128 characters (this one has 140)." });
  });

  it.each(["password123", "qwertyuiop1", "1234567890", "iloveyou2024", "aaaaaaaaaaaa"])(
    "refuses the common or patterned password %s with zxcvbn's advice",
    async (password) => {
      const verdict = await judgePassword(password);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) {
        expect(verdict.message).toMatch(/^This password is too easy to guess\./);
        expect(verdict.message).toContain("passphrase");
      }
    },
  );

  it("refuses a password made of the person's own name or email", async () => {
    for (const password of ["ada.lovelace1", "AdaLovelace!", "ada.lovelace@riverside.example"]) {
      expect(await judgePassword(password, ada), password).toMatchObject({ ok: false });
    }
    // The same string is fine for someone else, so it is the personal words that count.
    expect(await judgePassword("ada.lovelace1", { email: "someone@else.example", name: "Bo Chen" })).toMatchObject({ ok: true });
  });

  it("lists the person's words whole and in pieces", () => {
    expect(personalWords(ada)).toEqual(
      expect.arrayContaining(["ada.lovelace@riverside.example", "ada.lovelace", "lovelace", "adalovelace", "riverside", "riverside health"]),
    );
  });

  it("throws a BAD_REQUEST about the named form field", async () => {
    const error = await assertAcceptablePassword("password123", {}, "initialPassword").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", field: "initialPassword" });
    await expect(assertAcceptablePassword("orchid-lantern-58-quay", {}, "password")).resolves.toBeUndefined();
  });
});
