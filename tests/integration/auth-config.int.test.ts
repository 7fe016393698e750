import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/auth-options";

const OIDC_KEYS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const;

describe("sign-in configuration", () => {
  afterEach(() => {
    for (const key of OIDC_KEYS) delete process.env[key];
  });

  // next-auth's Credentials() reports id "credentials" and applies the given id (kept in options) when it
  // parses its providers: the ids sign-in answers to are these.
  const providerIds = () => authOptions().providers.map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);

  it("offers only email and password by default, beside the scoring-link sign-in a lay panelist's link uses", () => {
    expect(providerIds().sort()).toEqual(["credentials", "lay-link"]);
  });

  it("adds single sign-on through the identity provider's discovery document when configured", () => {
    process.env.OIDC_ISSUER = "https://login.example.org/realms/care/";
    process.env.OIDC_CLIENT_ID = "panelkit";
    process.env.OIDC_CLIENT_SECRET = "s3cret";
    process.env.OIDC_NAME = "Care SSO";
    const oidc = authOptions().providers.find((p) => p.id === "oidc") as unknown as Record<string, unknown>;
    expect(oidc).toMatchObject({
      name: "Care SSO",
      type: "oauth",
      wellKnown: "https://login.example.org/realms/care/.well-known/openid-configuration",
      clientId: "panelkit",
    });
  });

  it("refuses a half-configured single sign-on with a message naming the variables", () => {
    process.env.OIDC_ISSUER = "https://login.example.org";
    expect(() => authOptions()).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
  });

  it("keeps sessions to one working day", () => {
    expect(authOptions().session?.maxAge).toBe(8 * 60 * 60);
  });
});
