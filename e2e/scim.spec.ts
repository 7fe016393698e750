// SCIM provisioning end to end over the built app's HTTP: an admin makes a token in Settings (shown once),
// an identity provider's requests create a user and a group at /scim/v2 (JSON answers, not pages: the
// proxy's page policy is not applied), and the admin maps the group to a role (the role itself: scim.int.test.ts).
import { checkA11y, expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";

test("an admin connects an identity provider and maps its group to a role", async ({ page }) => {
  await signIn(page, "admin@riverside.example", DEMO_PASSWORD, { goto: "/settings" });
  const section = page.getByRole("region", { name: "SCIM provisioning" });
  await section.getByRole("button", { name: "Make a token" }).click();
  const token = await section.getByLabel("New SCIM token").inputValue();
  expect(token).toMatch(/^pkscim_[\w-]+_[\w-]{43}$/);
  const base = await section.getByLabel("SCIM base URL").inputValue();
  expect(base).toMatch(/\/scim\/v2$/);

  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const path = (p: string) => `/scim/v2/${p}`;
  const family = `Scim${Date.now()}`;
  const email = `sam.${family.toLowerCase()}@riverside.example`;
  const user = await page.request.post(path("Users"), {
    headers,
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: email, name: { givenName: "Sam", familyName: family }, emails: [{ value: email, primary: true }] },
  });
  expect(user.status()).toBe(201);
  expect(user.headers()["content-type"]).toContain("application/scim+json");
  expect(user.headers()["content-security-policy"]).not.toContain("nonce-");
  const userId = ((await user.json()) as { id: string }).id;
  const displayName = `Panel leads ${Date.now()}`;
  expect((await page.request.post(path("Groups"), { headers, data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName, members: [{ value: userId }] } })).status()).toBe(201);
  expect((await page.request.get(path("Users"), { headers: { authorization: "Bearer pkscim_wrong_token" } })).status()).toBe(401);

  await page.reload();
  const select = page.getByLabel(`Role for members of ${displayName}`);
  await select.selectOption("HR");
  await expect(select).toHaveValue("HR");
  await expect(select).toBeEnabled();
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await checkA11y(page)).toEqual([]);
});
