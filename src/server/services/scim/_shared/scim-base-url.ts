import { serverEnv } from "@/env";

/** The SCIM base URL an identity provider is given ("Tenant URL" in Entra ID, "SCIM connector base URL" in Okta). */
export function scimBaseUrl(): string {
  const env = serverEnv();
  return `${(env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`).replace(/\/+$/, "")}/scim/v2`;
}
